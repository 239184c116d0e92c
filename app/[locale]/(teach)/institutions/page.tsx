import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listInstitutions, staffScope } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { institutionPaths, institutionRoleLabels } from '@/components/institutions/paths';

export const metadata: Metadata = { title: 'Institutions', robots: { index: false } };

export default async function InstitutionsPage() {
  const user = await requireRole('instructor', institutionPaths.list);
  const [institutions, scope] = await Promise.all([listInstitutions(getDb(), user), staffScope(getDb(), user)]);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Institutions</h1>
        <p className="m-0 muted">
          {user.role === 'admin' ? 'Every institution on the platform (you are a platform administrator).' : 'The institutions where you are on the staff, and your role at each.'}
        </p>
        {user.role === 'admin' ? (
          <p className="m-0">
            <Link href={institutionPaths.admin}>Create institutions and merge duplicates</Link>
          </p>
        ) : null}
      </header>
      {institutions.length === 0 ? (
        <p>You are not on the staff of any institution. An administrator of your institution appoints you from its staff page.</p>
      ) : (
        <ul className="stack" data-testid="institutions">
          {institutions.map((i) => {
            const role = scope.at.get(i.id);
            return (
              <li key={i.id} className="card stack">
                <h2 className="m-0 text-lg">
                  <Link href={institutionPaths.overview(i.id)}>{i.name}</Link>
                </h2>
                <p className="m-0 small">
                  {[i.shortName, i.province, i.country].filter(Boolean).join(' · ')}
                  {role ? ` · you: ${institutionRoleLabels[role]}` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
