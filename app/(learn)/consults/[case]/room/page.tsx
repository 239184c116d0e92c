import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { viewOpenConsult } from '@/db/queries/consults';
import { requireUser } from '@/lib/auth/session';
import { consultTranscript, consultView, NOTE_FIELD_MAX } from '@/lib/domain/consult';
import { ConnectionIndicator } from '@/components/consult/ConnectionIndicator';
import { ChoiceGroups } from '@/components/consult/ChoiceGroups';
import { FocusHeading } from '@/components/consult/FocusHeading';
import { formatMinute } from '@/components/consult/labels';
import { Lines, Notice, Show } from '@/components/consult/Lines';
import { NoteForm } from '@/components/consult/NoteForm';
import { PatientTile } from '@/components/consult/PatientTile';
import { Transcript } from '@/components/consult/Transcript';
import { finishConsultAction, restartConsultAction, stepAction } from '../../actions';
import { casePaths, findCase } from '../../cases';

type Props = { params: Promise<{ case: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = await findCase((await params).case);
  return version ? { title: `Consult room · ${version.def.title}`, robots: { index: false } } : {};
}

/**
 * The consult room. It renders only the public view of the current node (consultView) and the
 * transcript of the nodes already reached (consultTranscript): never an unreached branch, a score,
 * a flag, feedback or the rubric. Those appear on the debrief, after the note is in.
 */
export default async function ConsultRoomPage({ params }: Props) {
  const caseId = (await params).case;
  const version = await findCase(caseId);
  if (!version) notFound();
  const user = await requireUser(casePaths.room(caseId));
  const attempt = await viewOpenConsult(getDb(), user, version);
  if (!attempt) redirect(casePaths.brief(caseId));
  const { def } = version;
  const view = consultView(def, attempt.state);
  const transcript = consultTranscript(def, attempt.state);
  const heard = new Set([...transcript.flatMap((e) => [...e.say, ...e.reply]), ...view.say, ...view.reply].map((line) => line.who));
  const present = view.participants.filter((p) => heard.has(p.id));
  return (
    <div className="mx-auto max-w-3xl stack">
      <p className="m-0 text-sm">
        <Link href={casePaths.library}>Virtual consults</Link> › <Link href={casePaths.brief(caseId)}>{def.title}</Link>
      </p>
      <h1 className="m-0 text-xl">Consult room: {def.title}</h1>
      <details className="text-sm">
        <summary className="cursor-pointer">Case brief</summary>
        <p className="mt-2">{def.setting}</p>
        {def.language ? <p className="m-0">Language: {def.language}</p> : null}
      </details>
      {/* The call stays in view while the learner scrolls the transcript. */}
      <header className="sticky top-0 z-10 -mx-1 bg-paper px-1 py-1" aria-label="Call status">
        <PatientTile patient={def.patient} connection={view.connection} participants={present}>
          <ConnectionIndicator connection={view.connection} />
          <p className="m-0 text-sm" data-testid="clock">
            <span className="text-gray-300">Simulated time </span>
            <time className="font-mono font-semibold">{formatMinute(view.minute)}</time>
          </p>
        </PatientTile>
      </header>
      {/* What the latest choice set off (its reply, connection events) is shown under "Now", not twice. */}
      <Transcript entries={transcript.map((e) => (e.step === view.step ? { ...e, reply: [], notices: [] } : e))} />
      <section key={view.step} id="now" aria-labelledby="now-heading" className="stack rounded-lg border-2 border-brand bg-white p-3">
        <FocusHeading id="now-heading" className="m-0 scroll-mt-44 text-lg">
          {view.ended ? 'The consult has ended' : `Now · ${formatMinute(view.minute)}`}
        </FocusHeading>
        {view.notices.map((text) => (
          <Notice key={text} text={text} />
        ))}
        <div className="space-y-2" data-testid="current-lines">
          <Lines lines={view.reply} />
          <Lines lines={view.say} />
          <Show text={view.show} />
        </div>
      </section>
      {view.ended ? (
        <NoteForm caseId={caseId} attemptId={attempt.id} maxLength={NOTE_FIELD_MAX} action={finishConsultAction} />
      ) : (
        <ChoiceGroups key={`choices-${view.step}`} caseId={caseId} attemptId={attempt.id} step={view.step} choices={view.choices} action={stepAction} />
      )}
      <details className="card">
        <summary className="cursor-pointer">Leave or start over</summary>
        <div className="mt-2 stack">
          <p className="m-0 text-sm">Your consult is saved after every decision: leave now and resume it later, on any device.</p>
          <p className="m-0">
            <Link href={casePaths.library}>Leave the room (you can resume later)</Link>
          </p>
          <form action={restartConsultAction}>
            <input type="hidden" name="caseId" value={caseId} />
            <input type="hidden" name="attemptId" value={attempt.id} />
            <button type="submit" className="btn btn-danger">
              Start over (this consult is closed without a score)
            </button>
          </form>
        </div>
      </details>
    </div>
  );
}
