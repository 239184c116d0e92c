import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { summarizeAttempts } from '@/db/queries/quiz-records';
import { listOwnAttemptsAsOf } from '@/db/queries/quiz-views';
import { getCurrentUser, hasRole } from '@/lib/auth/session';
import { getModule } from '@/lib/content';
import { canStartAttempt } from '@/lib/domain/quiz';
import { ActionForm } from '@/components/quiz/ActionForm';
import { AttemptHistory } from '@/components/quiz/AttemptHistory';
import { QuizRules } from '@/components/quiz/QuizRules';
import { formatDateTime, formatScore } from '@/components/quiz/format';
import { startRefusalMessage } from '@/components/quiz/messages';
import { attemptPath, quizPath, resultPath, statisticsPath } from '@/components/quiz/paths';
import { startAttemptAction } from '@/app/[locale]/(learn)/quizzes/[quiz]/actions';
import { getQuiz } from '@/app/[locale]/(learn)/quizzes/quiz-content';

type Props = { params: Promise<{ quiz: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const quiz = await getQuiz((await params).quiz);
  return quiz ? { title: quiz.def.title } : {};
}

export default async function QuizPage({ params }: Props) {
  const quiz = await getQuiz((await params).quiz);
  if (!quiz) notFound();
  const { def } = quiz;
  const [user, mod] = await Promise.all([getCurrentUser(), getModule(def.module)]);
  const now = new Date();
  // An attempt whose time ran out reads as graded here; its grade is stored by the learner's next action or the recovery pass.
  const attempts = user ? await listOwnAttemptsAsOf(getDb(), user, def, now) : [];
  const record = summarizeAttempts(attempts).get(def.id);
  const check = canStartAttempt(def, attempts, now);
  const limit = def.attempts.limit;

  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href="/modules">Modules</Link>
          {mod ? (
            <>
              {' › '}
              <Link href={`/modules/${mod.slug}`}>{mod.meta.title}</Link>
            </>
          ) : null}{' '}
          › Quiz
        </p>
        <h1 className="m-0">{def.title}</h1>
        {mod ? <p className="m-0 muted">The end-of-module quiz for “{mod.meta.title}”. Passing it counts towards your certificate.</p> : null}
      </header>

      <section aria-labelledby="rules">
        <h2 id="rules">How it works</h2>
        <QuizRules quiz={def} />
      </section>

      <section aria-labelledby="your-attempts" className="stack">
        <h2 id="your-attempts">Your attempts</h2>
        {!user ? (
          <p className="card">
            <Link href={`/sign-in?next=${encodeURIComponent(quizPath(def.id))}`}>Sign in</Link> to take the quiz. Your attempts and scores are kept with your account.
          </p>
        ) : (
          <>
            <p className="m-0" data-testid="attempts-used">
              {limit === undefined ? `${attempts.length} started (no limit)` : `${attempts.length} of ${limit} attempts used (${Math.max(0, limit - attempts.length)} left)`}
              {record?.best ? (
                <>
                  {' · '}Best {formatScore(record.best.score)} · Latest {formatScore(record.latest?.score ?? null)}
                  {record.passed ? ' · Passed' : ''}
                </>
              ) : null}
            </p>
            {record?.open ? (
              <div className="card stack">
                <p className="m-0">
                  You have an attempt in progress
                  {record.open.deadline ? `; its time runs out at ${formatDateTime(record.open.deadline)}` : ''}. Your answers so far are saved.
                </p>
                <p className="m-0">
                  <Link className="btn btn-primary" href={attemptPath(def.id, record.open.id)}>
                    Resume the quiz
                  </Link>
                </p>
              </div>
            ) : check.ok ? (
              <ActionForm action={startAttemptAction} fields={{ quiz: def.id }} label={attempts.length === 0 ? 'Start the quiz' : 'Start a new attempt'} />
            ) : (
              <p className="notice notice-error" role="status" data-testid="start-refused">
                {startRefusalMessage(check, def, now)}
              </p>
            )}
            {record?.latest ? (
              <p className="m-0">
                <Link href={resultPath(def.id, record.latest.id)}>Review your latest attempt</Link>
              </p>
            ) : null}
            <AttemptHistory quizId={def.id} attempts={attempts} />
          </>
        )}
      </section>

      {user && hasRole(user, 'instructor') ? (
        <p className="m-0">
          <Link href={statisticsPath(def.id)}>Item statistics for instructors</Link>
        </p>
      ) : null}
    </div>
  );
}
