import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPublicCertificate } from '@/db/queries/certificates';
import { publicRecord } from '@/lib/certification/public';
import { formatDay } from '@/lib/certification/view';

export const metadata: Metadata = { title: 'Verify a certificate', robots: { index: false } };

const tone = { valid: 'notice-ok', expired: 'notice-error', revoked: 'notice-error' } as const;
const headline = { valid: 'Valid certificate', expired: 'Expired certificate', revoked: 'Revoked certificate' } as const;

export default async function VerifyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const cert = /^[a-z2-9]{16}$/.test(code) ? await getPublicCertificate(getDb(), code) : null;
  if (!cert) notFound();
  const record = publicRecord(cert, new Date());
  return (
    <div className="narrow stack">
      <h1>Certificate verification</h1>
      <div className={`notice ${tone[record.status]}`} role="status">
        <p className="m-0 text-lg font-bold" data-testid="verify-status">
          {headline[record.status]}
        </p>
      </div>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-semibold">Holder</dt>
        <dd data-testid="holder">{record.holderName}</dd>
        <dt className="font-semibold">Programme</dt>
        <dd>{record.programme.title}</dd>
        <dt className="font-semibold">Issued</dt>
        <dd>{formatDay(cert.issuedAt)}</dd>
        <dt className="font-semibold">Valid until</dt>
        <dd>{formatDay(cert.expiresAt)}</dd>
        {record.cpdHours ? (
          <>
            <dt className="font-semibold">CPD hours</dt>
            <dd>{record.cpdHours}</dd>
          </>
        ) : null}
        {cert.revokedAt ? (
          <>
            <dt className="font-semibold">Revoked</dt>
            <dd>{formatDay(cert.revokedAt)}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted small">
        Issued by TeleHealth Ready. Machines can check this certificate at <code>/api/verify/{record.code}</code> and its Open Badges credential&apos;s signature
        with the key published at <code>/.well-known/jwks.json</code>.
      </p>
    </div>
  );
}
