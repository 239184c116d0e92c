import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { type CaseRecord, listOwnConsults, notStarted } from '@/db/queries/consult-records';
import { listOwnCompletions } from '@/db/queries/progress';
import { listOwnAttempts, summarizeAttempts } from '@/db/queries/quiz-records';
import { requireUser } from '@/lib/auth/session';
import { ownReadiness } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { outline } from '@/lib/content/outline';
import { courseProgress } from '@/lib/domain/curriculum/progress';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
import { QuizRecordLine } from '@/components/quiz/QuizRecordLine';
import { CaseRecordLine } from '@/components/consult/CaseRecordLine';
import { CaseStatusBadge } from '@/components/consult/CaseStatusBadge';
import { DomainTable } from '@/components/readiness/DomainTable';
import { isDraft } from '@/lib/content/schemas/quiz';

export const metadata: Metadata = { title: 'Your progress', robots: { index: false } };

export default async function ProgressPage() {
  const user = await requireUser('/progress');
  const catalog = await getCatalog();
  const { modules, quizzes, cases } = catalog;
  const [completions, attempts, consults, programmes] = await Promise.all([
    listOwnCompletions(getDb(), user),
    listOwnAttempts(getDb(), user),
    listOwnConsults(getDb(), user),
    ownReadiness(getDb(), user, catalog),
  ]);
  const quizRecords = summarizeAttempts(attempts);
  const caseRecord = (id: string): CaseRecord => consults.get(id) ?? notStarted(id);
  const progress = courseProgress(modules.map(outline), completions);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Your progress</h1>
        <p className="m-0 muted">
          {progress.modulesComplete} of {modules.length} modules complete · {progress.lessonsDone} of {progress.lessonsTotal} lessons ·{' '}
          <span data-testid="minutes-done">{progress.minutesDone}</span> of {progress.minutesTotal} minutes
        </p>
        <ProgressBar done={progress.lessonsDone} total={progress.lessonsTotal} label="Lessons done across the course" />
      </header>
      {programmes.map(({ programme, readiness }) => (
        <section key={programme.id} className="card stack" aria-labelledby={`readiness-${programme.id}`} data-readiness={programme.id}>
          <h2 id={`readiness-${programme.id}`} className="m-0 text-lg">
            {programme.title}
          </h2>
          <p className="m-0" data-testid="readiness-progress">
            <strong>{Math.round(readiness.progress * 100)}%</strong> of the programme&apos;s requirements met
            {readiness.earned ? ' · all met' : ''} · <Link href="/certificates">what is left, and your certificate</Link>
          </p>
          <p className="m-0 small muted">
            Each quiz and consult counts your best graded attempt; a later replay is practice and never lowers it. Your instructor&apos;s cohort view shows the same figures.
          </p>
          <DomainTable domains={readiness.domains} catalog={catalog} testId="readiness-domains" />
        </section>
      ))}
      <ol className="stack">
        {modules.map((m, i) => {
          const p = progress.modules[i]!;
          return (
            <li key={m.slug} className="card stack" data-module={m.slug}>
              <h2 className="m-0 text-lg">
                <Link href={`/modules/${m.slug}`}>{m.meta.title}</Link>
              </h2>
              <ProgressBar done={p.done} total={p.total} label={p.complete ? 'Module complete' : `Lessons done · ${p.minutesDone} of ${p.minutesTotal} min`} />
              <QuizRecordLine quizId={quizzes.find((q) => q.def.module === m.slug && !isDraft(q.def))?.def.id} records={quizRecords} />
              <ul className="text-sm">
                {m.lessons.map((l) => (
                  <li key={l.slug}>
                    <span aria-hidden="true">{p.completedLessons.has(l.slug) ? '✓ ' : '○ '}</span>
                    <Link href={`/modules/${m.slug}/${l.slug}`}>{l.meta.title}</Link>
                    <span className="sr-only">{p.completedLessons.has(l.slug) ? ' (done)' : ' (not done)'}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="consults" className="stack">
        <h2 id="consults" className="m-0 text-lg">
          Virtual consults
        </h2>
        <ul className="stack">
          {cases.map(({ def }) => (
            <li key={def.id} className="card stack" data-case={def.id}>
              <p className="m-0 font-semibold">
                <Link href={`/consults/${def.id}`}>{def.title}</Link>
              </p>
              <CaseStatusBadge status={caseRecord(def.id).status} />
              <CaseRecordLine record={caseRecord(def.id)} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
