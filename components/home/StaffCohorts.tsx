import Link from 'next/link';
import type { ReadinessRollup } from '@/lib/domain/readiness';
import { statusLabels, statusMark, statusOrder } from '@/components/cohorts/charts';
import { formatDate } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';

type Row = { id: string; name: string; institution: string; dueDate: Date; daysLeft: number; members: number; rollup: ReadinessRollup | null };

/** The open cohorts a staff member runs, soonest due first: members by readiness status, and days left. */
export function StaffCohorts({ cohorts, total }: { cohorts: readonly Row[]; total: number }) {
  if (cohorts.length === 0) {
    return (
      <p className="m-0">
        You run no open cohort. <Link href={cohortPaths.list}>Create one under Teaching</Link>.
      </p>
    );
  }
  return (
    <div className="stack">
      <ul className="stack" data-testid="staff-glance">
        {cohorts.map((c) => (
          <li key={c.id} className="card stack" data-cohort={c.name}>
            <p className="m-0 font-semibold">
              <Link href={cohortPaths.dashboard(c.id)}>{c.name}</Link>
            </p>
            <p className="m-0 small">
              {c.institution} · {c.members} member{c.members === 1 ? '' : 's'} · due {formatDate(c.dueDate)} (
              {c.daysLeft >= 0 ? `${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} left` : 'past due'})
            </p>
            {c.rollup ? (
              <p className="m-0 small" data-testid="glance-counts">
                {statusOrder.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' · ' : ''}
                    <span aria-hidden="true">{statusMark[k]} </span>
                    {statusLabels[k]}: <strong>{c.rollup!.counts[k]}</strong>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {total > cohorts.length ? (
        <p className="m-0 small">
          {total - cohorts.length} more open cohorts: <Link href={cohortPaths.list}>all cohorts</Link>.
        </p>
      ) : null}
    </div>
  );
}
