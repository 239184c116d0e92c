import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listStaffCohorts } from '@/db/queries/cohorts';
import { listInstitutions } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { formatDate } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { CreateCohortForm } from './StaffForms';

export const metadata: Metadata = { title: 'Cohorts', robots: { index: false } };

export default async function StaffCohortsPage() {
  const user = await requireRole('instructor', cohortPaths.list);
  const [cohorts, { programmes }, institutions] = await Promise.all([listStaffCohorts(getDb(), user), getCatalog(), listInstitutions(getDb(), user, 'create-cohort')]);
  const title = (id: string) => programmes.find((p) => p.def.id === id)?.def.title ?? id;
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Cohorts</h1>
        <p className="m-0 muted">
          {user.role === 'admin'
            ? 'Every cohort on the platform.'
            : 'The cohorts you run or co-teach, and, at an institution you administer, all of its cohorts. Only their teachers and the institution’s administrators can open them.'}
        </p>
      </header>
      {cohorts.length === 0 ? (
        <p>No cohorts yet.</p>
      ) : (
        <ul className="stack" data-testid="staff-cohorts">
          {cohorts.map((c) => (
            <li key={c.id} className="card stack">
              <h2 className="m-0 text-lg">
                <Link href={cohortPaths.dashboard(c.id)}>{c.name}</Link>
              </h2>
              <p className="m-0 small">
                {c.institution} · {title(c.programmeId)} · due {formatDate(c.dueDate)} · {c.members} member{c.members === 1 ? '' : 's'}
                {c.closedAt ? ' · closed' : ''}
              </p>
              <p className="m-0 small">
                <Link href={cohortPaths.members(c.id)}>Members and join code</Link> · <a href={cohortPaths.export(c.id)}>Export CSV</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-cohort" className="card stack">
        <h2 id="new-cohort" className="m-0">
          New cohort
        </h2>
        {institutions.length === 0 ? (
          <p className="m-0">
            You are not an instructor at any institution yet, so you cannot create a cohort. An administrator of your institution appoints you from its staff page.
          </p>
        ) : (
          <CreateCohortForm programmes={programmes.map((p) => ({ value: p.def.id, label: p.def.title }))} institutions={institutions.map((i) => ({ value: i.id, label: i.name }))} />
        )}
      </section>
    </div>
  );
}
