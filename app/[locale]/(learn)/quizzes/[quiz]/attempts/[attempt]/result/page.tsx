import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getLocalizer } from '@/i18n/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quizResult');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function ResultPage({ params }: Props) {
  const { quiz: quizId, attempt: attemptId } = await params;
  const user = await requireUser(resultPath(quizId, attemptId));
  const quiz = await getQuiz(quizId);
  if (!quiz) notFound();
  const now = new Date();
  const attempt = await loadOwnAttempt(getDb(), user, attemptId, quiz.def, now);
  if (attempt.submittedAt === null || attempt.grade === null) redirect(attemptPath(quizId, attemptId));

  const [history, { references }, t, { href }] = await Promise.all([listOwnAttemptsAsOf(getDb(), user, quiz.def, now), getCatalog(), getTranslations('quizResult'), getLocalizer()]);
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
          <Link href={href(quizPath(quizId))} lang="en">
            {quiz.def.title}
          </Link>{' '}
          › {t('crumb')}
        </p>
        <h1 className="m-0">{t('heading')}</h1>
        <div className={`notice ${review.passed ? 'notice-ok' : 'notice-error'} stack`} data-testid="result">
          <p className="m-0 text-xl font-bold">
            <span data-testid="score">{formatScore(review.score)}</span> · {review.passed ? t('passed') : t('notPassed')}
          </p>
          <p className="m-0 text-ink">
            {t('marks', { earned: grade.earned, total: grade.total, pass: quiz.def.passMark })}
            {review.passed ? (
              <>
                {' '}
                {t.rich('counts', { link: (chunks) => <Link href={href('/certificates')}>{chunks}</Link> })}
              </>
            ) : null}
          </p>
        </div>
        <p className="m-0 small muted">
          {t(closedByDeadline(attempt) ? 'submittedByDeadline' : 'submitted', { time: formatDateTime(attempt.submittedAt) })}
          {attempt.contentHash !== quiz.hash ? ` ${t('edited')}` : ''}
        </p>
        <p className="m-0">
          {next.ok ? (
            <Link href={href(quizPath(quizId))} className="btn">
              {t('retake')}
            </Link>
          ) : (
            <>
              <span data-testid="retake" lang="en">
                {startRefusalMessage(next, quiz.def, now)}
              </span>{' '}
              <Link href={href(quizPath(quizId))}>{t('back')}</Link>
            </>
          )}
        </p>
      </header>

      <section aria-labelledby="review-heading" className="stack">
        <h2 id="review-heading">{t('reviewHeading')}</h2>
        {review.level === 'full' ? (
          <div className="stack" lang="en" dir="ltr">
            {review.questions.map((question, i) => (
              <ReviewQuestion key={question.questionId} question={question} number={i + 1} references={references} />
            ))}
          </div>
        ) : (
          <>
            <p className="m-0">
              {quiz.def.review === 'after-pass' ? t('afterPass') : quiz.def.review === 'after-pass-or-last' ? t('afterPassOrLast') : t('rightOnly')}
            </p>
            <ol className="card list-decimal space-y-1 ps-8">
              {review.questions.map((q) => (
                <li key={q.questionId}>{q.correct ? t('correct') : t('notCorrect')}</li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
