import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listInstitutions } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { nearDuplicatePairs } from '@/lib/domain/institutions';
import { institutionPaths } from '@/components/institutions/paths';
import { CreateInstitutionForm, MergeForm } from './AdminForms';

export const metadata: Metadata = { title: 'Institutions (platform)', robots: { index: false } };

export default async function AdminInstitutionsPage() {
  const actor = await requireRole('admin', institutionPaths.admin);
  const institutions = await listInstitutions(getDb(), actor);
  const pairs = nearDuplicatePairs(institutions);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Institutions</h1>
        <p className="m-0 muted">
          {institutions.length} institution{institutions.length === 1 ? '' : 's'}. Create one here, then appoint its first administrator from its staff page; from then on it runs its own staff,
          cohorts and settings.
        </p>
      </header>
      {pairs.length > 0 ? (
        <section aria-labelledby="duplicates" className="card stack" data-testid="near-duplicates">
          <h2 id="duplicates" className="m-0">
            Names that may be the same institution
          </h2>
          <p className="m-0 small muted">Found by comparing names (abbreviations, a city added, typing slips). Merging moves cohorts, staff and certificates; nothing is merged unless you choose.</p>
          <ul className="stack">
            {pairs.map(([a, b]) => (
              <li key={`${a.id}-${b.id}`} className="stack">
                <span>
                  “{a.name}” and “{b.name}”
                </span>
                <MergeForm a={a} b={b} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="stack" data-testid="all-institutions">
        {institutions.map((i) => (
          <li key={i.id}>
            <Link href={institutionPaths.overview(i.id)}>{i.name}</Link>{' '}
            <span className="small muted">{[i.shortName, i.province, i.country].filter(Boolean).join(' · ')}</span> · <Link href={institutionPaths.staff(i.id)}>staff</Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-institution" className="card stack">
        <h2 id="new-institution" className="m-0">
          New institution
        </h2>
        <CreateInstitutionForm />
      </section>
    </div>
  );
}
