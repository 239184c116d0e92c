import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { institutionFor } from '@/db/queries/institutions';
import { requireRole } from '@/lib/auth/session';
import { pageRead } from '@/lib/http/respond';
import { institutionPaths } from '@/components/institutions/paths';
import { LogoForm, SettingsForm } from './SettingsForms';

export const metadata: Metadata = { title: 'Institution settings', robots: { index: false } };

export default async function SettingsPage({ params }: { params: Promise<{ institution: string }> }) {
  const { institution: id } = await params;
  const user = await requireRole('instructor', institutionPaths.settings(id));
  const institution = await pageRead(institutionFor(getDb(), user, id, 'edit-settings'));
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={institutionPaths.overview(id)}>{institution.name}</Link>
        </p>
        <h1 className="m-0">Settings</h1>
      </header>
      <section aria-labelledby="details" className="card stack">
        <h2 id="details" className="m-0">
          Name and signatory
        </h2>
        <SettingsForm institution={institution} />
      </section>
      <section aria-labelledby="logo-heading" className="card stack">
        <h2 id="logo-heading" className="m-0">
          Logo
        </h2>
        {institution.logoVersion ? (
          <img src={institutionPaths.logo(id, institution.logoVersion)} alt={`Current logo of ${institution.name}`} height={80} className="institution-logo" />
        ) : (
          <p className="m-0 muted">No logo yet.</p>
        )}
        <LogoForm institutionId={id} hasLogo={institution.logoVersion !== null} />
      </section>
    </div>
  );
}
