import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getLocalizer } from '@/i18n/server';
import { requireUser } from '@/lib/auth/session';
import { publicPaper } from '@/lib/domain/quiz';
import { ActionForm } from '@/components/quiz/ActionForm';
import { AttemptForm } from '@/components/quiz/AttemptForm';
import { Countdown } from '@/components/quiz/Countdown';
import { QuestionFields } from '@/components/quiz/QuestionFields';
import { formatTime } from '@/components/quiz/format';
import { type AttemptView, attemptPath, quizPath, resultPath } from '@/components/quiz/paths';
import { moveAction, saveAnswersAction, submitAttemptAction } from '@/app/[locale]/(learn)/quizzes/[quiz]/actions';
import { getQuiz, loadOwnAttempt } from '@/app/[locale]/(learn)/quizzes/quiz-content';

type Props = {
  params: Promise<{ quiz: string; attempt: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quizAttempt');
  return { title: t('metaTitle'), robots: { index: false } };
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Everything below is rendered from publicPaper(): the bank (keys, rationales) never leaves the server.
export default async function AttemptPage({ params, searchParams }: Props) {
  const { quiz: quizId, attempt: attemptId } = await params;
  const search = await searchParams;
  const user = await requireUser(attemptPath(quizId, attemptId));
  const quiz = await getQuiz(quizId);
  if (!quiz) notFound();
  const now = new Date();
  const attempt = await loadOwnAttempt(getDb(), user, attemptId, quiz.def, now);
  if (attempt.submittedAt !== null) redirect(resultPath(quizId, attemptId));

  const [t, { href }] = await Promise.all([getTranslations('quizAttempt'), getLocalizer()]);
  const questions = publicPaper(quiz.def, attempt.paper);
  const total = questions.length;
  const view: AttemptView = one(search.view) === 'all' ? 'all' : 'one';
  const q = Math.min(total, Math.max(1, Number.parseInt(one(search.q) ?? '1', 10) || 1));
  const confirming = one(search.confirm) === '1';
  const isAnswered = (id: string) => (attempt.answers[id]?.length ?? 0) > 0;
  const unanswered = questions.flatMap((question, i) => (isAnswered(question.questionId) ? [] : [i + 1]));
  const shown = view === 'all' ? questions.map((question, i) => ({ question, number: i + 1 })) : [{ question: questions[q - 1]!, number: q }];

  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href={href(quizPath(quizId))} lang="en">
            {quiz.def.title}
          </Link>{' '}
          › {t('crumb')}
        </p>
        <h1 className="m-0" lang="en">
          {quiz.def.title}
        </h1>
        {t('englishContent') ? (
          <p className="m-0 small muted" data-testid="english-content-notice">
            {t('englishContent')}
          </p>
        ) : null}
        {attempt.deadline ? (
          <>
            <Countdown
              deadline={attempt.deadline.toISOString()}
              serverNow={now.toISOString()}
              submit={submitAttemptAction}
              fields={{ quiz: quizId, attemptId }}
              labels={{ timeLeftLabel: t('timeLeftLabel'), timeLeft: t('timeLeft'), timeUp: t('timeUp'), lessThanMinute: t('lessThanMinute'), lessThanFive: t('lessThanFive') }}
            />
            <p className="m-0 small muted">
              {t('deadline', { time: formatTime(attempt.deadline) })}
            </p>
          </>
        ) : null}
      </header>

      {confirming ? (
        <section className="card stack" aria-labelledby="confirm-heading" data-testid="confirm-submit">
          <h2 id="confirm-heading" className="m-0">
            {t('confirmHeading')}
          </h2>
          <p className="m-0">
            {t('answeredOf', { answered: total - unanswered.length, total })}
          </p>
          {unanswered.length > 0 ? (
            <p className="notice notice-error m-0" data-testid="unanswered">
              {t('unanswered', { count: unanswered.length })}{' '}
              {unanswered.map((n, i) => (
                <span key={n}>
                  {i > 0 ? t('listSeparator') : ''}
                  <Link href={href(attemptPath(quizId, attemptId, { q: n }))}>{t('questionLink', { n })}</Link>
                </span>
              ))}
              {t('unansweredEnd')}
            </p>
          ) : (
            <p className="m-0">{t('allAnswered')}</p>
          )}
          <p className="m-0 small muted">{t('final')}</p>
          <ActionForm action={submitAttemptAction} fields={{ quiz: quizId, attemptId }} label={t('submit')} />
          <p className="m-0">
            <Link href={href(attemptPath(quizId, attemptId, { view, q }))}>{t('back')}</Link>
          </p>
        </section>
      ) : (
        <AttemptForm
          key={`${view}-${q}`}
          move={moveAction}
          save={saveAnswersAction}
          labels={{ offline: t('offline'), saving: t('saving'), saved: t('saved'), autosave: t('autosave') }}
          fields={{ quiz: quizId, attemptId, view, q: String(q), shown: shown.map((s) => s.question.questionId).join(',') }}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="m-0 small muted">
              {t('progress', { answered: total - unanswered.length, total })}
            </p>
            <button type="submit" name="go" value={view === 'all' ? 'view-one' : 'view-all'} className="btn btn-small">
              {view === 'all' ? t('viewOne') : t('viewAll')}
            </button>
          </div>
          {shown.map(({ question, number }) => (
            <QuestionFields
              key={question.questionId}
              question={question}
              chosen={attempt.answers[question.questionId] ?? []}
              legend={t('legend', { number, total })}
              hint={question.multiple ? t('chooseAll') : t('chooseOne')}
              number={number}
            />
          ))}
          <div className="flex flex-wrap gap-2">
            {view === 'one' && q > 1 ? (
              <button type="submit" name="go" value="prev" className="btn">
                {t('previous')}
              </button>
            ) : null}
            {view === 'one' && q < total ? (
              <button type="submit" name="go" value="next" className="btn btn-primary">
                {t('next')}
              </button>
            ) : null}
            {view === 'all' ? (
              <button type="submit" name="go" value="save" className="btn">
                {t('save')}
              </button>
            ) : null}
            <button type="submit" name="go" value="review" className={view === 'one' && q < total ? 'btn' : 'btn btn-primary'}>
              {t('review')}
            </button>
          </div>
          {view === 'one' ? (
            <nav aria-label={t('questionsNav')}>
              <ol className="flex flex-wrap gap-1">
                {questions.map((question, i) => (
                  <li key={question.questionId}>
                    <button
                      type="submit"
                      name="go"
                      value={`q-${i + 1}`}
                      className={`btn btn-small ${isAnswered(question.questionId) ? 'btn-primary' : ''}`}
                      aria-current={i + 1 === q ? 'step' : undefined}
                      aria-label={isAnswered(question.questionId) ? t('questionButtonAnswered', { n: i + 1 }) : t('questionButton', { n: i + 1 })}
                    >
                      {i + 1 === q ? <strong>[{i + 1}]</strong> : i + 1}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
        </AttemptForm>
      )}
    </div>
  );
}
