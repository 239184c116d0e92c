import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { cpdLedger } from '@/lib/domain/certification/cpd';

/** Study hours per programme and year, from the learner's certificates (revoked ones excluded): a record for a CPD portfolio, not accredited credit. */
export async function CpdLedger({ userId }: { userId: string }) {
  const certs = await listOwnCertificates(getDb(), { id: userId, role: 'learner' });
  const rows = cpdLedger(certs);
  return (
    <section aria-labelledby="cpd" className="stack">
      <h2 id="cpd">Study hours for your CPD record</h2>
      {rows.length === 0 ? (
        <p className="muted">
          None yet. The <Link href="/certificates">practice certificate</Link> states notional study hours you can list in a CPD portfolio; they are not
          accredited CPD credit.
        </p>
      ) : (
        <>
        <p className="m-0 small muted">Notional study hours from your certificates (not accredited CPD credit).</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Programme</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.year}-${r.programme}`}>
                <td>{r.year}</td>
                <td>{r.programme}</td>
                <td data-testid="cpd-hours">{r.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </section>
  );
}
