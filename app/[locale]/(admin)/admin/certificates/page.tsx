import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { certificateHistory, listAllCertificates } from '@/db/queries/certificates';
import { requireRole } from '@/lib/auth/session';
import { formatDay } from '@/lib/certification/view';
import { StatusForm } from './StatusForm';

export const metadata: Metadata = { title: 'Certificates (admin)', robots: { index: false } };

export default async function AdminCertificatesPage() {
  const actor = await requireRole('admin', '/admin/certificates');
  const certs = await listAllCertificates(getDb(), actor);
  const history = await certificateHistory(getDb(), actor, certs.map((c) => c.id));
  return (
    <div className="stack-lg">
      <header>
        <h1>Issued certificates</h1>
        <p className="muted">
          The latest 200. Revoking asks for a reason, is written to the audit log and shows at once on the public verification page; while a
          certificate is revoked, its holder is issued no new certificate of that programme. Reinstating (also with a reason) makes it valid again.
        </p>
      </header>
      <div className="table-wrap">
        <table className="stack-on-phone">
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
                <td data-label="Holder and programme">
                  <div>{c.holderName}</div>
                  <div className="muted small">{c.programmeTitle}</div>
                  <Link className="small" href={`/verify/${c.code}`}>
                    {c.code}
                  </Link>
                </td>
                <td className="small" data-label="Dates">
                  {formatDay(c.issuedAt)} to {formatDay(c.expiresAt)}
                </td>
                <td className="stack" data-label="Status">
                  {c.revokedAt ? <p className="m-0 text-danger">Revoked on {formatDay(c.revokedAt)}: {c.revokedReason}</p> : <p className="m-0">Valid</p>}
                  <StatusHistory entries={history.filter((h) => h.certificateId === c.id)} />
                  <StatusForm code={c.code} revoked={c.revokedAt !== null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {certs.length === 0 ? <p>No certificates have been issued yet.</p> : null}
    </div>
  );
}

function StatusHistory({ entries }: { entries: Awaited<ReturnType<typeof certificateHistory>> }) {
  if (entries.length === 0) return null;
  return (
    <details>
      <summary className="small">History ({entries.length})</summary>
      <ol className="small">
        {entries.map((e, i) => (
          <li key={i}>
            {formatDay(e.at)}: {e.action} by {e.actorName ?? 'a removed account'} — {e.reason}
          </li>
        ))}
      </ol>
    </details>
  );
}
