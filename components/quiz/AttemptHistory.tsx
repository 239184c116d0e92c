import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import type { AttemptListItem } from '@/db/queries/quiz-records';
import { formatDateTime, formatScore } from './format';
import { attemptPath, resultPath } from './paths';

/** A learner's attempts at one quiz, newest first, each linking to its result (or back into it while open). */
export async function AttemptHistory({ quizId, attempts }: { quizId: string; attempts: readonly AttemptListItem[] }) {
  if (attempts.length === 0) return null;
  const [t, { href }] = await Promise.all([getTranslations('quiz'), getLocalizer()]);
  return (
    <div className="table-wrap">
      <table data-testid="attempt-history">
        <caption className="sr-only">{t('attemptsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('historyAttempt')}</th>
            <th scope="col">{t('historyStarted')}</th>
            <th scope="col">{t('historyScore')}</th>
            <th scope="col">{t('historyResult')}</th>
          </tr>
        </thead>
        <tbody>
          {attempts
            .map((a, i) => ({ a, n: i + 1 }))
            .reverse()
            .map(({ a, n }) => (
              <tr key={a.id}>
                <td>{n}</td>
                <td>{formatDateTime(a.startedAt)}</td>
                <td>{formatScore(a.score)}</td>
                <td>
                  {a.submittedAt === null ? (
                    <Link href={href(attemptPath(quizId, a.id))}>{t('historyResume')}</Link>
                  ) : (
                    <Link href={href(resultPath(quizId, a.id))}>{a.passed ? t('historyPassed') : t('historyNotPassed')}</Link>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
