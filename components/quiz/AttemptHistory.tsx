import Link from 'next/link';
import type { AttemptListItem } from '@/db/queries/quiz-records';
import { formatDateTime, formatScore } from './format';
import { attemptPath, resultPath } from './paths';

/** A learner's attempts at one quiz, newest first, each linking to its result (or back into it while open). */
export function AttemptHistory({ quizId, attempts }: { quizId: string; attempts: readonly AttemptListItem[] }) {
  if (attempts.length === 0) return null;
  return (
    <div className="table-wrap">
      <table data-testid="attempt-history">
        <caption className="sr-only">Your attempts</caption>
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Started</th>
            <th scope="col">Score</th>
            <th scope="col">Result</th>
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
                    <Link href={attemptPath(quizId, a.id)}>In progress: resume</Link>
                  ) : (
                    <Link href={resultPath(quizId, a.id)}>{a.passed ? 'Passed' : 'Not passed'}: review</Link>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
