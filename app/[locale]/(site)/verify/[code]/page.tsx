import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPublicCertificate } from '@/db/queries/certificates';
import { publicRecord } from '@/lib/certification/public';
import { formatDay } from '@/lib/certification/view';

export const metadata: Metadata = { title: 'Verify a certificate', robots: { index: false } };

const tone = { valid: 'notice-ok', expired: 'notice-error', revoked: 'notice-error' } as const;
const headline = { valid: 'Valid certificate', expired: 'Expired certificate', revoked: 'Revoked certificate' } as const;

/** What anyone holding the link or QR code is told, in plain words: who, what, when, and whether it still stands. */
export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const cert = await getPublicCertificate(getDb(), code);
  if (!cert) notFound();
  const record = publicRecord(cert, new Date());
  const { details, institution } = record;
  const issuer = details.issuer?.name ?? 'TeleHealth Ready';
  const holder = cert.holderRegistration ? `${record.holderName} (professional registration ${cert.holderRegistration})` : record.holderName;
  const sentence = {
    valid: `${holder} completed every requirement of this programme on ${formatDay(cert.issuedAt)}. The certificate is valid until ${formatDay(cert.expiresAt)}.`,
    expired: `${holder} completed every requirement of this programme on ${formatDay(cert.issuedAt)}. The certificate expired on ${formatDay(cert.expiresAt)}; it does not show current readiness.`,
    revoked: `${issuer} revoked this certificate${cert.revokedAt ? ` on ${formatDay(cert.revokedAt)}` : ''}. It is no longer valid and should not be relied on.`,
  }[record.status];
  return (
    <div className="narrow stack">
      <h1>Certificate check</h1>
      <div className={`notice ${tone[record.status]} stack`} role="status">
        <p className="m-0 text-lg font-bold" data-testid="verify-status">
          {headline[record.status]}
        </p>
        <p className="m-0" data-testid="verify-sentence">
          {sentence}
        </p>
      </div>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">Holder</dt>
        <dd data-testid="holder">{record.holderName}</dd>
        {cert.holderRegistration ? (
          <>
            <dt className="font-semibold">Registration</dt>
            <dd data-testid="registration">{cert.holderRegistration}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Programme</dt>
        <dd>{record.programme.title}</dd>
        {details.provider ? (
          <>
            <dt className="font-semibold">Provided by</dt>
            <dd>{details.provider}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Issued by</dt>
        <dd>
          {issuer}
          {details.signatory ? `, signed by ${details.signatory.name}${details.signatory.title ? `, ${details.signatory.title}` : ''}` : ''}
        </dd>
        {institution ? (
          <>
            <dt className="font-semibold">Issued through</dt>
            <dd className="flex items-center gap-3" data-testid="institution">
              {/* eslint-disable-next-line @next/next/no-img-element -- a small logo the app serves, cached by its version: no optimiser to go through */}
              {institution.logo ? <img src={institution.logo.path} alt={institution.logo.alt} height={48} className="h-12 w-auto" /> : null}
              <span>
                {institution.name}
                {institution.signatory ? `, signed by ${institution.signatory.name}${institution.signatory.title ? `, ${institution.signatory.title}` : ''}` : ''}
              </span>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">Issued</dt>
        <dd>{formatDay(cert.issuedAt)}</dd>
        <dt className="font-semibold">Valid until</dt>
        <dd>{formatDay(cert.expiresAt)}</dd>
        {details.hoursStatement ? (
          <>
            <dt className="font-semibold">Hours</dt>
            <dd data-testid="hours">{details.hoursStatement}</dd>
          </>
        ) : null}
        {details.accreditation ? (
          <>
            <dt className="font-semibold">Accreditation</dt>
            <dd>{details.accreditation}</dd>
          </>
        ) : null}
        {details.framework ? (
          <>
            <dt className="font-semibold">Competencies</dt>
            <dd>
              {details.framework}
              {details.competencies.length > 0 ? `: ${details.competencies.map((c) => c.title).join('; ')}.` : '.'}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="small muted">This page shows only what is on the certificate; nothing else about the holder.</p>
      <details className="small">
        <summary>For developers</summary>
        <p>
          The same record as JSON, with the signed credential: <code>GET /api/verify/{record.code}</code>. To check a credential&apos;s signature and current status:{' '}
          <code>POST /api/credentials/verify</code> with <code>{'{ "credential": "<VC-JWT>" }'}</code>. The credential is an Open Badges 3.0 <code>OpenBadgeCredential</code>{' '}
          signed with EdDSA; the public key is at <code>/.well-known/jwks.json</code> and the issuer profile at <code>/issuer</code>.
        </p>
      </details>
    </div>
  );
}
