import type { CaseStatus } from '@/db/queries/consult-records';
import { statusLabels } from './labels';

const tone: Record<CaseStatus, string> = {
  'not-started': 'border-line text-muted',
  'in-progress': 'border-brand text-brand',
  passed: 'border-ok text-ok',
  failed: 'border-danger text-danger',
};
const mark: Record<CaseStatus, string> = { 'not-started': '○', 'in-progress': '◐', passed: '✓', failed: '✗' };

/** The learner's standing at a case, in words (the mark and colour only repeat them). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <p className={`m-0 inline-flex w-fit items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-semibold ${tone[status]}`} data-testid="case-status">
      <span aria-hidden="true">{mark[status]}</span>
      <span className="sr-only">Your status: </span>
      {statusLabels[status]}
    </p>
  );
}
