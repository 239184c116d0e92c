import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { institutionFor } from '@/db/queries/institutions';
import { listPlatforms } from '@/db/queries/lti-platforms';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { absoluteUrl } from '@/lib/env';
import { pageRead } from '@/lib/http/respond';
import { institutionPaths } from '@/components/institutions/paths';
import { FramingForm, RegisterPlatformForm, RemovePlatformForm } from './LmsForms';
import { PendingPlatforms } from './PendingPlatforms';
import { RegistrationLinkForm } from './RegistrationForms';

export const metadata: Metadata = { title: 'LMS platforms', robots: { index: false } };

export default async function LmsPage({ params }: { params: Promise<{ institution: string }> }) {
  const { institution: id } = await params;
  const user = await requireRole('instructor', institutionPaths.lms(id));
  const institution = await pageRead(institutionFor(getDb(), user, id, 'edit-settings'));
  const [all, { programmes }] = await Promise.all([listPlatforms(getDb(), user, id), getCatalog()]);
  const platforms = all.filter((p) => p.status === 'active');
  const programmeOptions = programmes.map((p) => ({ value: p.def.id, label: p.def.title }));
  const toolUrls = [
    ['Tool URL / Target link URI', absoluteUrl('/')],
    ['Initiate login URL (OIDC login)', absoluteUrl('/api/lti/login')],
    ['Redirection URI(s)', absoluteUrl('/api/lti/launch')],
    ['Public keyset URL (JWKS)', absoluteUrl('/api/lti/jwks')],
  ];
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={institutionPaths.overview(id)}>{institution.name}</Link>
        </p>
        <h1 className="m-0">LMS platforms</h1>
        <p className="m-0 muted">
          Students launch this site from a course in Moodle or Canvas (LTI 1.3) and arrive signed in. A first launch creates their account and puts them in a cohort for that course, owned by
          this institution’s first administrator. Instructors must be on the staff here.
        </p>
      </header>
      <section aria-labelledby="tool" className="card stack">
        <h2 id="tool" className="m-0">
          What to paste into the LMS
        </h2>
        <dl className="stack">
          {toolUrls.map(([label, url]) => (
            <div key={label}>
              <dt className="small muted">{label}</dt>
              <dd className="m-0">
                <code>{url}</code>
              </dd>
            </div>
          ))}
        </dl>
        <p className="m-0 small muted">Signature method RS256 with the keyset URL; ask the LMS to send the name and e-mail. Open the tool in a new window, or embed it once its origins are set below.</p>
      </section>
      <section aria-labelledby="dynamic" className="card stack">
        <h2 id="dynamic" className="m-0">
          Register by link (LTI Dynamic Registration)
        </h2>
        <p className="m-0 small muted">
          Moodle 3.10+ and Canvas register a tool from one URL. Make a link here (it works once, for 24 hours) and paste it into the LMS: Moodle, Manage tools → Tool URL → Add LTI Advantage;
          Canvas, Developer Keys → + LTI Registration. The LMS then appears below as waiting for approval, and nobody can launch from it until you approve it.
        </p>
        <RegistrationLinkForm institutionId={id} programmes={programmeOptions} />
      </section>
      <PendingPlatforms institutionId={id} platforms={all.filter((p) => p.status === 'pending')} />
      <section aria-labelledby="registered" className="stack">
        <h2 id="registered" className="m-0">
          Registered
        </h2>
        {platforms.length === 0 ? <p className="muted">None yet.</p> : null}
        <ul className="stack">
          {platforms.map((p) => (
            <li key={p.id} className="card stack" data-issuer={p.issuer}>
              <strong>{p.name}</strong>
              <span className="small">
                {p.issuer} · client {p.clientId} · deployments {p.deploymentIds.join(', ')}
              </span>
              <FramingForm institutionId={id} platformId={p.id} frameOrigins={p.frameOrigins} suggestion={new URL(p.issuer).origin} />
              <RemovePlatformForm institutionId={id} platformId={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="register" className="card stack">
        <h2 id="register" className="m-0">
          Register a platform by hand
        </h2>
        <RegisterPlatformForm institutionId={id} programmes={programmeOptions} />
      </section>
    </div>
  );
}
