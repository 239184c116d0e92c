import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getLocalizer } from '@/i18n/server';
import { bidiTags } from '@/components/site/bidi';
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
  const [user, mod, t, { href }] = await Promise.all([getCurrentUser(), getModule(def.module), getTranslations('quiz'), getLocalizer()]);
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
          <Link href={href('/modules')}>{t('modules')}</Link>
          {mod ? (
            <>
              {' › '}
              <Link href={href(`/modules/${mod.slug}`)} lang="en">
                {mod.meta.title}
              </Link>
            </>
          ) : null}{' '}
          › {t('crumb')}
        </p>
        <h1 className="m-0" lang="en">
          {def.title}
        </h1>
        {mod ? <p className="m-0 muted">{t.rich('intro', { ...bidiTags, module: mod.meta.title })}</p> : null}
      </header>

      <section aria-labelledby="rules">
        <h2 id="rules">{t('rulesHeading')}</h2>
        {t('rulesInEnglish') ? (
          <p className="m-0 small muted" data-testid="english-content-notice">
            {t('rulesInEnglish')}
          </p>
        ) : null}
        <QuizRules quiz={def} />
      </section>

      <section aria-labelledby="your-attempts" className="stack">
        <h2 id="your-attempts">{t('attemptsHeading')}</h2>
        {!user ? (
          <p className="card">
            {t.rich('signIn', { link: (chunks) => <Link href={href(`/sign-in?next=${encodeURIComponent(quizPath(def.id))}`)}>{chunks}</Link> })}
          </p>
        ) : (
          <>
            <p className="m-0" data-testid="attempts-used">
              {limit === undefined ? t('startedNoLimit', { count: attempts.length }) : t('used', { count: attempts.length, limit, left: Math.max(0, limit - attempts.length) })}
              {record?.best ? (
                <>
                  {t('best', { best: formatScore(record.best.score), latest: formatScore(record.latest?.score ?? null) })}
                  {record.passed ? t('passed') : ''}
                </>
              ) : null}
            </p>
            {record?.open ? (
              <div className="card stack">
                <p className="m-0">
                  {record.open.deadline ? t('inProgressTimed', { time: formatDateTime(record.open.deadline) }) : t('inProgress')}
                </p>
                <p className="m-0">
                  <Link className="btn btn-primary" href={href(attemptPath(def.id, record.open.id))}>
                    {t('resume')}
                  </Link>
                </p>
              </div>
            ) : check.ok ? (
              <ActionForm action={startAttemptAction} fields={{ quiz: def.id }} label={attempts.length === 0 ? t('start') : t('startNew')} />
            ) : (
              <p className="notice notice-error" role="status" data-testid="start-refused">
                {startRefusalMessage(check, def, now)}
              </p>
            )}
            {record?.latest ? (
              <p className="m-0">
                <Link href={href(resultPath(def.id, record.latest.id))}>{t('reviewLatest')}</Link>
              </p>
            ) : null}
            <AttemptHistory quizId={def.id} attempts={attempts} />
          </>
        )}
      </section>

      {user && hasRole(user, 'instructor') ? (
        <p className="m-0">
          <Link href={href(statisticsPath(def.id))}>{t('statistics')}</Link>
        </p>
      ) : null}
    </div>
  );
}
