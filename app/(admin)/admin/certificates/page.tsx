import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listAllCertificates } from '@/db/queries/certificates';
import { requireRole } from '@/lib/auth/session';
import { formatDay } from '@/lib/certification/view';
import { RevokeForm } from './RevokeForm';

export const metadata: Metadata = { title: 'Certificates (admin)', robots: { index: false } };

export default async function AdminCertificatesPage() {
  const actor = await requireRole('admin', '/admin/certificates');
  const certs = await listAllCertificates(getDb(), actor);
  return (
    <div className="stack-lg">
      <header>
        <h1>Issued certificates</h1>
        <p className="muted">The latest 200. Revoking asks for a reason, is written to the audit log, and shows at once on the public verification page.</p>
      </header>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Holder and programme</th>
              <th scope="col">Dates</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {certs.map((c) => (
              <tr key={c.id} data-code={c.code}>
                <td>
                  <div>{c.holderName}</div>
                  <div className="muted small">{c.programmeTitle}</div>
                  <Link className="small" href={`/verify/${c.code}`}>
                    {c.code}
                  </Link>
                </td>
                <td className="small">
                  {formatDay(c.issuedAt)} to {formatDay(c.expiresAt)}
                </td>
                <td>{c.revokedAt ? <span className="text-danger">Revoked: {c.revokedReason}</span> : <RevokeForm code={c.code} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {certs.length === 0 ? <p>No certificates have been issued yet.</p> : null}
    </div>
  );
}
