import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
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

export const metadata: Metadata = { title: 'Quiz attempt', robots: { index: false } };

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
          <Link href={quizPath(quizId)}>{quiz.def.title}</Link> › Attempt
        </p>
        <h1 className="m-0">{quiz.def.title}</h1>
        {attempt.deadline ? (
          <>
            <Countdown deadline={attempt.deadline.toISOString()} serverNow={now.toISOString()} submit={submitAttemptAction} fields={{ quiz: quizId, attemptId }} />
            <p className="m-0 small muted">
              The time limit ends at {formatTime(attempt.deadline)}. Answers saved by then count; the attempt is then submitted for you.
            </p>
          </>
        ) : null}
      </header>

      {confirming ? (
        <section className="card stack" aria-labelledby="confirm-heading" data-testid="confirm-submit">
          <h2 id="confirm-heading" className="m-0">
            Submit your attempt?
          </h2>
          <p className="m-0">
            You have answered {total - unanswered.length} of {total} questions.
          </p>
          {unanswered.length > 0 ? (
            <p className="notice notice-error m-0" data-testid="unanswered">
              {unanswered.length} {unanswered.length === 1 ? 'question is' : 'questions are'} unanswered:{' '}
              {unanswered.map((n, i) => (
                <span key={n}>
                  {i > 0 ? ', ' : ''}
                  <Link href={attemptPath(quizId, attemptId, { q: n })}>question {n}</Link>
                </span>
              ))}
              . An unanswered question scores nothing.
            </p>
          ) : (
            <p className="m-0">Every question has an answer.</p>
          )}
          <p className="m-0 small muted">After you submit, your answers can no longer change.</p>
          <ActionForm action={submitAttemptAction} fields={{ quiz: quizId, attemptId }} label="Submit attempt" />
          <p className="m-0">
            <Link href={attemptPath(quizId, attemptId, { view, q })}>Back to the questions</Link>
          </p>
        </section>
      ) : (
        <AttemptForm
          key={`${view}-${q}`}
          move={moveAction}
          save={saveAnswersAction}
          fields={{ quiz: quizId, attemptId, view, q: String(q), shown: shown.map((s) => s.question.questionId).join(',') }}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="m-0 small muted">
              {total - unanswered.length} of {total} answered
            </p>
            <button type="submit" name="go" value={view === 'all' ? 'view-one' : 'view-all'} className="btn btn-small">
              {view === 'all' ? 'One question at a time' : 'All questions on one page'}
            </button>
          </div>
          {shown.map(({ question, number }) => (
            <QuestionFields key={question.questionId} question={question} number={number} total={total} chosen={attempt.answers[question.questionId] ?? []} />
          ))}
          <div className="flex flex-wrap gap-2">
            {view === 'one' && q > 1 ? (
              <button type="submit" name="go" value="prev" className="btn">
                ← Previous
              </button>
            ) : null}
            {view === 'one' && q < total ? (
              <button type="submit" name="go" value="next" className="btn btn-primary">
                Next →
              </button>
            ) : null}
            {view === 'all' ? (
              <button type="submit" name="go" value="save" className="btn">
                Save answers
              </button>
            ) : null}
            <button type="submit" name="go" value="review" className={view === 'one' && q < total ? 'btn' : 'btn btn-primary'}>
              Review and submit
            </button>
          </div>
          {view === 'one' ? (
            <nav aria-label="Questions">
              <ol className="flex flex-wrap gap-1">
                {questions.map((question, i) => (
                  <li key={question.questionId}>
                    <button
                      type="submit"
                      name="go"
                      value={`q-${i + 1}`}
                      className={`btn btn-small ${isAnswered(question.questionId) ? 'btn-primary' : ''}`}
                      aria-current={i + 1 === q ? 'step' : undefined}
                      aria-label={`Question ${i + 1}${isAnswered(question.questionId) ? ' (answered)' : ''}`}
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
