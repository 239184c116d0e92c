import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { summarizeAttempts } from '@/db/queries/quiz-records';
import { listOwnAttemptsAsOf } from '@/db/queries/quiz-views';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { canStartAttempt, closedByDeadline, reviewFor } from '@/lib/domain/quiz';
import { ReviewQuestion } from '@/components/quiz/ReviewQuestion';
import { formatDateTime, formatScore } from '@/components/quiz/format';
import { startRefusalMessage } from '@/components/quiz/messages';
import { attemptPath, quizPath, resultPath } from '@/components/quiz/paths';
import { getQuiz, loadOwnAttempt } from '@/app/[locale]/(learn)/quizzes/quiz-content';

type Props = { params: Promise<{ quiz: string; attempt: string }> };

export const metadata: Metadata = { title: 'Quiz result', robots: { index: false } };

export default async function ResultPage({ params }: Props) {
  const { quiz: quizId, attempt: attemptId } = await params;
  const user = await requireUser(resultPath(quizId, attemptId));
  const quiz = await getQuiz(quizId);
  if (!quiz) notFound();
  const now = new Date();
  const attempt = await loadOwnAttempt(getDb(), user, attemptId, quiz.def, now);
  if (attempt.submittedAt === null || attempt.grade === null) redirect(attemptPath(quizId, attemptId));

  const [history, { references }] = await Promise.all([listOwnAttemptsAsOf(getDb(), user, quiz.def, now), getCatalog()]);
  const record = summarizeAttempts(history).get(quizId);
  // Keys and rationales leave the server only here, after submission, and only as the policy allows.
  const next = canStartAttempt(quiz.def, history, now);
  const attemptsLeft = !(next.ok === false && next.reason === 'limit_reached');
  const review = reviewFor(quiz.def, attempt.paper, attempt.grade, { hasPassed: record?.passed ?? false, attemptsLeft });
  const { grade } = attempt;

  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href={quizPath(quizId)}>{quiz.def.title}</Link> › Result
        </p>
        <h1 className="m-0">Your result</h1>
        <div className={`notice ${review.passed ? 'notice-ok' : 'notice-error'} stack`} data-testid="result">
          <p className="m-0 text-xl font-bold">
            <span data-testid="score">{formatScore(review.score)}</span> · {review.passed ? 'Passed' : 'Not passed'}
          </p>
          <p className="m-0 text-ink">
            {grade.earned} of {grade.total} marks. The pass mark is {quiz.def.passMark}%.
            {review.passed ? (
              <>
                {' '}
                It counts towards <Link href="/certificates">your certificates</Link>.
              </>
            ) : null}
          </p>
        </div>
        <p className="m-0 small muted">
          Submitted {formatDateTime(attempt.submittedAt)}
          {closedByDeadline(attempt) ? ' when the time limit ran out' : ''}.
          {attempt.contentHash !== quiz.hash ? ' The quiz has been edited since; the review shows the current wording.' : ''}
        </p>
        <p className="m-0">
          {next.ok ? (
            <Link href={quizPath(quizId)} className="btn">
              Back to the quiz: retake it
            </Link>
          ) : (
            <>
              <span data-testid="retake">{startRefusalMessage(next, quiz.def, now)}</span>{' '}
              <Link href={quizPath(quizId)}>Back to the quiz</Link>
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="review-heading" className="stack">
        <h2 id="review-heading">Review</h2>
        {review.level === 'full' ? (
          review.questions.map((question, i) => <ReviewQuestion key={question.questionId} question={question} number={i + 1} references={references} />)
        ) : (
          <>
            <p className="m-0">
              {quiz.def.review === 'after-pass'
                ? 'The correct answers and explanations open once you pass this quiz.'
                : quiz.def.review === 'after-pass-or-last'
                  ? 'The correct answers and explanations open once you pass this quiz, or after your last attempt. Until then they stay closed, so the questions still test what you know.'
                  : 'This quiz shows which questions you got right, but not the answers.'}
            </p>
            <ol className="card list-decimal space-y-1 ps-8">
              {review.questions.map((q) => (
                <li key={q.questionId}>{q.correct ? 'Correct' : 'Not correct'}</li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
