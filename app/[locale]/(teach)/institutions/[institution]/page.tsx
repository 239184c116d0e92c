import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listStaffCohorts } from '@/db/queries/cohorts';
import { institutionCounts, institutionFor, staffScope } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { pageRead } from '@/lib/http/respond';
import { mayAt } from '@/lib/domain/institutions';
import { cohortPaths } from '@/components/cohorts/paths';
import { formatDate } from '@/components/cohorts/format';
import { institutionPaths, institutionRoleLabels } from '@/components/institutions/paths';

export const metadata: Metadata = { title: 'Institution', robots: { index: false } };

export default async function InstitutionPage({ params }: { params: Promise<{ institution: string }> }) {
  const { institution: id } = await params;
  const user = await requireRole('instructor', institutionPaths.overview(id));
  const institution = await pageRead(institutionFor(getDb(), user, id, 'read-dashboard'));
  const [scope, counts, cohorts] = await Promise.all([staffScope(getDb(), user), institutionCounts(getDb(), id), listStaffCohorts(getDb(), user)]);
  const mine = cohorts.filter((c) => c.institutionId === id);
  const role = scope.at.get(id);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        {institution.logoVersion ? <img src={institutionPaths.logo(id, institution.logoVersion)} alt={`Logo of ${institution.name}`} height={64} className="institution-logo" /> : null}
        <h1 className="m-0">{institution.name}</h1>
        <p className="m-0 muted">
          {[institution.shortName, institution.province, institution.country].filter(Boolean).join(' · ')}
          {role ? ` · you: ${institutionRoleLabels[role]}` : user.role === 'admin' ? ' · you: platform administrator' : ''}
        </p>
      </header>
      <section aria-labelledby="figures" className="card stack">
        <h2 id="figures" className="m-0 h3">
          At a glance
        </h2>
        <p className="m-0" data-testid="institution-counts">
          {counts.cohorts} cohort{counts.cohorts === 1 ? '' : 's'} · {counts.learners} learner{counts.learners === 1 ? '' : 's'} in them · {counts.staff} staff
        </p>
        <p className="m-0 small">
          Certificates earned through its cohorts are signed by {institution.signatoryName ? `${institution.signatoryName}${institution.signatoryTitle ? `, ${institution.signatoryTitle}` : ''}` : 'nobody yet (an administrator sets the signatory in the settings)'}.
        </p>
      </section>
      <nav aria-label="This institution" className="card">
        <ul>
          <li>
            <Link href={institutionPaths.readiness(id)}>Readiness of its cohorts (dashboard and CSV)</Link>
          </li>
          {mayAt(scope, id, 'manage-staff') ? (
            <li>
              <Link href={institutionPaths.staff(id)}>Staff and roles</Link>
            </li>
          ) : null}
          {mayAt(scope, id, 'edit-settings') ? (
            <li>
              <Link href={institutionPaths.settings(id)}>Settings: name, logo and signatory</Link>
            </li>
          ) : null}
          {mayAt(scope, id, 'edit-settings') ? (
            <li>
              <Link href={institutionPaths.lrs(id)}>Learning Record Store (xAPI)</Link>
            </li>
          ) : null}
          {mayAt(scope, id, 'edit-settings') ? (
            <li>
              <Link href={institutionPaths.lms(id)}>LMS platforms (launch from Moodle or Canvas)</Link>
            </li>
          ) : null}
          {mayAt(scope, id, 'create-cohort') ? (
            <li>
              <Link href={cohortPaths.list}>Create a cohort</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <section aria-labelledby="your-cohorts" className="stack">
        <h2 id="your-cohorts" className="m-0">
          Cohorts you run here
        </h2>
        {mine.length === 0 ? (
          <p className="m-0 muted">None.</p>
        ) : (
          <ul>
            {mine.map((c) => (
              <li key={c.id}>
                <Link href={cohortPaths.dashboard(c.id)}>{c.name}</Link> · due {formatDate(c.dueDate)} · {c.members} member{c.members === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
