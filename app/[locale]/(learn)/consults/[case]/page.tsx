import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listOwnConsults, notStarted } from '@/db/queries/consult-records';
import { getCurrentUser } from '@/lib/auth/session';
import { domainNames, getCatalog } from '@/lib/content';
import { learnerLineText } from '@/lib/format/review';
import { learnerLines } from '@/lib/services/sign-off';
import { CaseStatusBadge } from '@/components/consult/CaseStatusBadge';
import { modalityLabels, statusLabels } from '@/components/consult/labels';
import { Avatar } from '@/components/consult/PatientTile';
import { restartConsultAction, startConsultAction } from '../actions';
import { casePaths, findCase } from '../cases';

type Props = { params: Promise<{ case: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = await findCase((await params).case);
  return version ? { title: version.def.title, description: version.def.summary } : {};
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Karachi' });

export default async function CaseBriefPage({ params }: Props) {
  const version = await findCase((await params).case);
  if (!version) notFound();
  const { def } = version;
  const [user, domains, catalog] = await Promise.all([getCurrentUser(), domainNames(def.competencies), getCatalog()]);
  const review = (await learnerLines(getDb(), catalog, 'case', [def.id])).get(def.id) ?? null;
  const record = user ? ((await listOwnConsults(getDb(), user, def.id)).get(def.id) ?? notStarted(def.id)) : notStarted(def.id);
  const finished = record.attempts.filter((a) => a.status === 'passed' || a.status === 'failed').reverse();
  const complainant = def.participants.find((p) => p.id === def.brief.complaint.who);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href={casePaths.library}>Virtual consults</Link> › Case brief
        </p>
        <div className="flex items-center gap-3">
          <Avatar name={def.patient.name} initials={def.patient.initials} size="lg" />
          <h1 className="m-0">{def.title}</h1>
        </div>
        <p className="m-0 text-lg">{def.summary}</p>
        <p className="m-0 text-sm text-muted" data-testid="clinical-review" data-reviewed={review !== null}>
          {learnerLineText(review)}
        </p>
        {user ? <CaseStatusBadge status={record.status} /> : null}
      </header>
      <dl className="card grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">Patient</dt>
        <dd className="m-0">
          {def.patient.name}, {def.patient.age}, {def.patient.sex}
        </dd>
        <dt className="font-semibold">Setting</dt>
        <dd className="m-0">{def.setting}</dd>
        <dt className="font-semibold">With them</dt>
        <dd className="m-0">{def.brief.present}</dd>
        <dt className="font-semibold">In their words</dt>
        <dd className="m-0" data-testid="complaint">
          <q>{def.brief.complaint.text}</q>
          {complainant ? <span className="text-muted"> ({complainant.name}, {complainant.role.toLowerCase()})</span> : null}
        </dd>
        {def.language ? (
          <>
            <dt className="font-semibold">Language</dt>
            <dd className="m-0">{def.language}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Modality</dt>
        <dd className="m-0">{modalityLabels[def.modality]}</dd>
        <dt className="font-semibold">Time</dt>
        <dd className="m-0">About {def.minutes} minutes</dd>
        <dt className="font-semibold">Competencies</dt>
        <dd className="m-0">{domains.join(', ')}</dd>
      </dl>
      <section aria-labelledby="how" className="stack">
        <h2 id="how" className="m-0">
          How it works
        </h2>
        <p className="m-0">
          You are the clinician on the call. At each moment choose what to do; the patient and the people with them answer, and the
          connection changes as it would in real life. You can leave at any time and resume where you were, on any device. At the end you
          write a short teleconsult note, marked on the key facts it records; then the debrief shows how it went for the patient, what an
          expert would have done, and why. The brief tells you only what you would know before the call.
        </p>
      </section>
      {!user ? (
        <p className="card">
          <Link className="btn btn-primary" href={`/sign-in?next=${encodeURIComponent(casePaths.brief(def.id))}`}>
            Sign in to play this case
          </Link>
        </p>
      ) : record.open ? (
        <div className="card stack">
          <p className="m-0">
            You have a consult in progress: {record.open.step} {record.open.step === 1 ? 'decision' : 'decisions'} made.
          </p>
          <p className="m-0">
            <Link className="btn btn-primary" href={casePaths.room(def.id)}>
              Resume the consult
            </Link>
          </p>
          <details>
            <summary className="cursor-pointer">Start over instead</summary>
            <form action={restartConsultAction} className="mt-2 stack">
              <p className="m-0 text-sm muted">Your consult in progress is closed without a score and a new one begins.</p>
              <input type="hidden" name="caseId" value={def.id} />
              <input type="hidden" name="attemptId" value={record.open.id} />
              <button type="submit" className="btn btn-danger">
                Start over
              </button>
            </form>
          </details>
        </div>
      ) : (
        <form action={startConsultAction} className="card">
          <input type="hidden" name="caseId" value={def.id} />
          <button type="submit" className="btn btn-primary">
            {finished.length > 0 ? 'Play the case again' : 'Start the consult'}
          </button>
        </form>
      )}
      {finished.length > 0 ? (
        <section aria-labelledby="attempts" className="stack">
          <h2 id="attempts" className="m-0">
            Your attempts
          </h2>
          <ul className="divide-y divide-line rounded-lg border border-line bg-white">
            {finished.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  {a.finishedAt ? dateFormat.format(a.finishedAt) : ''} · {a.passed ? statusLabels.passed : statusLabels.failed} · {a.score ?? 0}%
                  {record.practice.some((p) => p.id === a.id) ? ' · practice (after your pass; it does not lower it)' : ''}
                  {record.best?.id === a.id ? ' · your best, the one that counts' : ''}
                </span>
                <Link href={casePaths.debrief(def.id, a.id)}>
                  Debrief<span className="sr-only"> of the attempt finished {a.finishedAt ? dateFormat.format(a.finishedAt) : ''}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
