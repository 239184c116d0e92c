import Link from 'next/link';
import type { QuizRecord } from '@/db/queries/quiz-records';
import { formatScore } from './format';
import { quizPath, resultPath } from './paths';

/** A module's quiz on the progress page: best and latest scores, or an invitation to take it. */
export function QuizRecordLine({ quizId, records }: { quizId: string | undefined; records: ReadonlyMap<string, QuizRecord> }) {
  if (!quizId) return null;
  const record = records.get(quizId);
  if (!record || record.started === 0) {
    return (
      <p className="m-0 text-sm" data-quiz={quizId}>
        Quiz: not taken yet · <Link href={quizPath(quizId)}>take the quiz</Link>
      </p>
    );
  }
  return (
    <p className="m-0 text-sm" data-quiz={quizId}>
      Quiz: {record.passed ? <strong>passed</strong> : 'not passed yet'}
      {record.best ? (
        <>
          {' · best '}
          <Link href={resultPath(quizId, record.best.id)}>{formatScore(record.best.score)}</Link>
        </>
      ) : null}
      {record.latest ? (
        <>
          {' · latest '}
          <Link href={resultPath(quizId, record.latest.id)}>{formatScore(record.latest.score)}</Link>
        </>
      ) : null}
      {record.open ? ' · an attempt is in progress' : ''} · <Link href={quizPath(quizId)}>quiz page</Link>
    </p>
  );
}
