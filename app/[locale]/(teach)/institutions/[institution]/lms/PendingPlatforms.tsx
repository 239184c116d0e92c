import type { LtiPlatform } from '@/db/schema';
import { ApprovePlatformForm, RejectPlatformForm } from './RegistrationForms';

const serviceNames: Record<string, string> = {
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem': 'gradebook columns',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly': 'results (read)',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score': 'scores',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly': 'course rosters',
};

/** Platforms that registered themselves through a link, with what they declared, waiting for an admin's decision. */
export function PendingPlatforms({ institutionId, platforms }: { institutionId: string; platforms: readonly LtiPlatform[] }) {
  if (platforms.length === 0) return null;
  return (
    <section aria-labelledby="pending" className="stack">
      <h2 id="pending" className="m-0">
        Waiting for approval
      </h2>
      <ul className="stack">
        {platforms.map((p) => {
          const d = p.declared;
          const services = d?.scopes.map((s) => serviceNames[s]).filter(Boolean) ?? [];
          return (
            <li key={p.id} className="card stack" data-issuer={p.issuer} data-status="pending">
              <strong>{p.name}</strong>
              <dl className="stack small">
                <div>
                  <dt className="muted">Issuer</dt>
                  <dd className="m-0">{p.issuer}</dd>
                </div>
                <div>
                  <dt className="muted">Product</dt>
                  <dd className="m-0">{d ? `${d.productFamilyCode}${d.version ? ` ${d.version}` : ''}` : 'not declared'}</dd>
                </div>
                <div>
                  <dt className="muted">Client id</dt>
                  <dd className="m-0">{p.clientId}</dd>
                </div>
                <div>
                  <dt className="muted">Messages it supports</dt>
                  <dd className="m-0">{d?.messages.join(', ') || 'none listed'}</dd>
                </div>
                <div>
                  <dt className="muted">Services it granted</dt>
                  <dd className="m-0">{services.join(', ') || 'none'}</dd>
                </div>
                <div>
                  <dt className="muted">Registered</dt>
                  <dd className="m-0">{p.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</dd>
                </div>
              </dl>
              <ApprovePlatformForm institutionId={institutionId} platformId={p.id} deploymentIds={p.deploymentIds} name={p.name} />
              <RejectPlatformForm institutionId={institutionId} platformId={p.id} name={p.name} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
