import Link from 'next/link';
import type { CaseRecord } from '@/db/queries/consult-records';

const debrief = (caseId: string, attemptId: string) => `/consults/${caseId}/debrief/${attemptId}`;

/** A learner's best result at a case, and any replays after a pass, which are practice. */
export function CaseRecordLine({ record }: { record: CaseRecord }) {
  if (!record.best) return null;
  const { best, practice } = record;
  const latest = practice.at(-1);
  return (
    <p className="m-0 text-sm" data-testid="case-record">
      Best: <Link href={debrief(record.caseId, best.id)}>{best.score ?? 0}%</Link>
      {best.passed ? ' (passed)' : ''}
      {latest ? (
        <>
          {' · '}
          {practice.length} practice replay{practice.length === 1 ? '' : 's'} since, latest <Link href={debrief(record.caseId, latest.id)}>{latest.score ?? 0}%</Link>: practice never lowers a pass
        </>
      ) : null}
    </p>
  );
}
