import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCompletions } from '@/db/queries/progress';
import { listOwnAttempts, summarizeAttempts } from '@/db/queries/quiz-records';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { outline } from '@/lib/content/outline';
import { courseProgress } from '@/lib/domain/curriculum/progress';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
import { QuizRecordLine } from '@/components/quiz/QuizRecordLine';

export const metadata: Metadata = { title: 'Your progress', robots: { index: false } };

export default async function ProgressPage() {
  const user = await requireUser('/progress');
  const [{ modules, quizzes }, completions, attempts] = await Promise.all([getCatalog(), listOwnCompletions(getDb(), user), listOwnAttempts(getDb(), user)]);
  const quizRecords = summarizeAttempts(attempts);
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
      <ol className="stack">
        {modules.map((m, i) => {
          const p = progress.modules[i]!;
          return (
            <li key={m.slug} className="card stack" data-module={m.slug}>
              <h2 className="m-0 text-lg">
                <Link href={`/modules/${m.slug}`}>{m.meta.title}</Link>
              </h2>
              <ProgressBar done={p.done} total={p.total} label={p.complete ? 'Module complete' : `Lessons done · ${p.minutesDone} of ${p.minutesTotal} min`} />
              <QuizRecordLine quizId={quizzes.find((q) => q.def.module === m.slug)?.def.id} records={quizRecords} />
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
    </div>
  );
}
