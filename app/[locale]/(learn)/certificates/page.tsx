import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { loadLearnerRows } from '@/db/queries/readiness';
import { requireUser } from '@/lib/auth/session';
import { hoursStatement } from '@/lib/certification/details';
import { programmeFrame, programmesFor } from '@/lib/certification/programmes';
import { formatDay } from '@/lib/certification/view';
import { getCatalog } from '@/lib/content';
import { certificateStatus, nextCertificate } from '@/lib/domain/certification';
import { learnerReadiness } from '@/lib/domain/readiness';
import { signOffGates } from '@/lib/services/sign-off';
import { absoluteUrl } from '@/lib/env';
import { Checklist } from '@/components/certificates/Checklist';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';

export const metadata: Metadata = { title: 'Certificates', robots: { index: false } };

const statusText = {
  valid: 'Valid',
  'recertify-soon': 'Valid — recertify soon',
  expired: 'Expired',
  revoked: 'Revoked',
} as const;

// This page only reads: certificates are issued by the event path the moment the last requirement is met.
export default async function CertificatesPage() {
  const user = await requireUser('/certificates');
  const db = getDb();
  const now = new Date();
  const [catalog, programmes, certs] = await Promise.all([getCatalog(), programmesFor(user.profession), listOwnCertificates(db, user)]);
  const gates = programmes.some((p) => p.requireSignOff) ? await signOffGates(db, catalog) : null;
  const views = await Promise.all(
    programmes.map(async (p) => {
      const current = certs.find((c) => c.programmeId === p.id) ?? null;
      const decision = nextCertificate(current, now, p.recertifyWindowDays);
      const assessedSince = decision.issue ? decision.assessedSince : null;
      const readiness = learnerReadiness(programmeFrame(catalog, p), await loadLearnerRows(db, { userId: user.id, assessedSince }, catalog));
      // Earned, and nothing issued for this cycle yet: the only thing left can be the programme's clinical sign-off.
      const signOff = decision.issue && readiness.earned && p.requireSignOff && gates ? gates(p) : null;
      return { p, current, assessedSince, readiness, signOff, status: current ? certificateStatus(current, now, p.recertifyWindowDays) : null };
    }),
  );
  return (
    <div className="stack-lg max-w-3xl">
      <header>
        <h1>Certificates</h1>
        <p className="muted">
          A certificate is issued the moment you meet the last requirement of a programme. Anyone you share its link with can check that it is valid.
        </p>
      </header>
      {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      {programmes.length === 0 ? <p>No programme is open to your profession yet. Check your profession on your profile.</p> : null}
      {views.map(({ p, current, assessedSince, readiness, signOff, status }) => {
        const missing = readiness.requirements.filter((r) => !r.met).length;
        const hours = hoursStatement(p);
        return (
          <section key={p.id} className="card stack" aria-labelledby={`programme-${p.id}`} data-programme={p.id}>
            <h2 id={`programme-${p.id}`} className="m-0">
              {p.title}
            </h2>
            <p className="m-0">{p.summary}</p>
            <p className="m-0 text-sm text-muted">
              Mapped to the AAMC telehealth competencies, tier {p.tier} · valid for {p.validityMonths} months{hours ? ` · ${hours}` : ''}
            </p>
            {current && status ? (
              <div className={`notice ${status === 'valid' || status === 'recertify-soon' ? 'notice-ok' : 'notice-error'}`} data-testid="certificate">
                <p className="m-0 font-semibold">
                  {statusText[status]} · issued {formatDay(current.issuedAt)} · expires {formatDay(current.expiresAt)}
                </p>
                {status === 'revoked' && current.revokedAt ? (
                  <p className="m-0" data-testid="revoked-notice">
                    Revoked on {formatDay(current.revokedAt)}: {current.revokedReason}. While it is revoked, no new certificate of this programme is issued to you. If you
                    think this is a mistake, ask the platform&apos;s administrators to review it.
                  </p>
                ) : null}
                {status === 'recertify-soon' || status === 'expired' ? (
                  <p className="m-0">
                    To recertify, pass this programme&apos;s quizzes and virtual consults again{assessedSince ? ` (attempts from ${formatDay(assessedSince)} count)` : ''}; the lessons you
                    have completed still count. A new certificate is issued as soon as you do.
                  </p>
                ) : null}
                <ul className="mt-2 flex flex-wrap gap-3">
                  <li>
                    <a className="btn btn-small" href={`/certificates/${current.code}/pdf`}>
                      Download PDF
                    </a>
                  </li>
                  <li>
                    <Link className="btn btn-small" href={`/certificates/${current.code}/badge`}>
                      Digital badge
                    </Link>
                  </li>
                  <li>
                    <Link className="btn btn-small" href={`/verify/${current.code}`}>
                      Verification page
                    </Link>
                  </li>
                </ul>
                <p className="m-0 mt-2 break-all text-sm">
                  Share this link: <span data-testid="verify-url">{absoluteUrl(`/verify/${current.code}`)}</span>
                </p>
              </div>
            ) : null}
            {signOff && !signOff.complete ? (
              <div className="notice" role="status" data-testid="sign-off-wait">
                <p className="m-0 font-semibold">You have met every requirement. Your certificate waits for clinical sign-off.</p>
                <p className="m-0">
                  This programme certifies only content a clinical reviewer has signed off, and {signOff.total - signOff.signedOff} of its {signOff.total}{' '}
                  lessons, quiz questions, cases and references still await review. Nothing more is
                  needed from you: the certificate is issued, dated that day, as soon as the last of them is signed off.
                </p>
              </div>
            ) : null}
            <h3>{assessedSince ? 'To recertify' : 'Requirements'}</h3>
            <Checklist requirements={readiness.requirements} catalog={catalog} headingLevel={4} />
            {missing > 0 ? (
              <p className="m-0 font-semibold">
                Still to do: {missing} of {readiness.requirements.length} requirements.
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
