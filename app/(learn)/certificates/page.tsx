import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { requireUser } from '@/lib/auth/session';
import { awardFromEvidence, loadEvidence, programmesFor, quizPassMarks, siteUrl } from '@/lib/certification/award';
import { describeRequirement, formatDay } from '@/lib/certification/view';
import { getCatalog } from '@/lib/content';
import { certificateStatus, evaluateProgramme } from '@/lib/domain/certification';

export const metadata: Metadata = { title: 'Certificates', robots: { index: false } };

const statusText = {
  valid: 'Valid',
  'recertify-soon': 'Valid — recertify soon',
  expired: 'Expired',
  revoked: 'Revoked',
} as const;

export default async function CertificatesPage() {
  const user = await requireUser('/certificates');
  const db = getDb();
  const now = new Date();
  const evidence = await loadEvidence(db, user.id);
  // Issue first, so a certificate earned elsewhere shows on this very page.
  await awardFromEvidence(db, user, evidence, now);
  const [catalog, programmes, certs, passMarks] = await Promise.all([
    getCatalog(),
    programmesFor(user.profession),
    listOwnCertificates(db, user),
    quizPassMarks(),
  ]);
  return (
    <div className="stack-lg max-w-3xl">
      <header>
        <h1>Certificates</h1>
        <p className="muted">
          A certificate is issued the moment you meet the last requirement of a programme. Anyone you share its link with can check that it is valid.
        </p>
      </header>
      {programmes.length === 0 ? <p>No programme is open to your profession yet. Check your profession on your profile.</p> : null}
      {programmes.map((p) => {
        const evaluation = evaluateProgramme(p, evidence, passMarks);
        const mine = certs.filter((c) => c.programmeId === p.id);
        const current = mine[0];
        const status = current ? certificateStatus(current, now, p.recertifyWindowDays) : null;
        return (
          <section key={p.id} className="card stack" aria-labelledby={`programme-${p.id}`} data-programme={p.id}>
            <h2 id={`programme-${p.id}`} className="m-0">
              {p.title}
            </h2>
            <p className="m-0">{p.summary}</p>
            <p className="m-0 text-sm text-muted">
              AAMC tier {p.tier} · valid for {p.validityMonths} months{p.cpdHours ? ` · ${p.cpdHours} CPD hours` : ''}
            </p>
            {current && status ? (
              <div className={`notice ${status === 'valid' || status === 'recertify-soon' ? 'notice-ok' : 'notice-error'}`} data-testid="certificate">
                <p className="m-0 font-semibold">
                  {statusText[status]} · issued {formatDay(current.issuedAt)} · expires {formatDay(current.expiresAt)}
                </p>
                {status === 'recertify-soon' ? (
                  <p className="m-0">
                    It expires on {formatDay(current.expiresAt)}. To recertify, meet the requirements below again from now on: a new certificate is issued as soon as you do.
                  </p>
                ) : null}
                <ul className="mt-2 flex flex-wrap gap-3">
                  <li>
                    <a className="btn btn-small" href={`/certificates/${current.code}/pdf`}>
                      Download PDF
                    </a>
                  </li>
                  <li>
                    <a className="btn btn-small" href={`/certificates/${current.code}/badge`}>
                      Download Open Badge
                    </a>
                  </li>
                  <li>
                    <Link className="btn btn-small" href={`/verify/${current.code}`}>
                      Verification page
                    </Link>
                  </li>
                </ul>
                <p className="m-0 mt-2 break-all text-sm">
                  Share this link: <span data-testid="verify-url">{`${siteUrl()}/verify/${current.code}`}</span>
                </p>
              </div>
            ) : null}
            <h3>Requirements</h3>
            <ul className="space-y-2">
              {evaluation.requirements.map((r) => {
                const d = describeRequirement(r, catalog);
                return (
                  <li key={`${r.kind}-${'id' in r ? r.id : 'any'}`} className="flex gap-2">
                    <span aria-hidden="true">{r.met ? '✓' : '○'}</span>
                    <span>
                      <Link href={d.href}>{d.label}</Link>
                      <span className="sr-only">{r.met ? ' (done)' : ' (still to do)'}</span>
                      {d.detail ? <span className="block text-sm text-muted">{d.detail}</span> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
            {!evaluation.earned ? (
              <p className="m-0 font-semibold">
                Still to do: {evaluation.missing.length} of {evaluation.requirements.length} requirements.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
