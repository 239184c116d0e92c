import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { loadLearnerRows } from '@/db/queries/readiness';
import { requireUser } from '@/lib/auth/session';
import { hoursStatement } from '@/lib/certification/details';
import { programmeFrame, programmesFor } from '@/lib/certification/programmes';
import { getCatalog } from '@/lib/content';
import { certificateStatus, nextCertificate } from '@/lib/domain/certification';
import { learnerReadiness } from '@/lib/domain/readiness';
import { signOffGates } from '@/lib/services/sign-off';
import { absoluteUrl } from '@/lib/env';
import { Checklist } from '@/components/certificates/Checklist';
import { bidiTags } from '@/components/site/bidi';
import { getLocalizer } from '@/i18n/server';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('certificates');
  return { title: t('title'), robots: { index: false } };
}

// This page only reads: certificates are issued by the event path the moment the last requirement is met.
export default async function CertificatesPage() {
  const user = await requireUser('/certificates');
  const db = getDb();
  const now = new Date();
  const [catalog, programmes, certs] = await Promise.all([getCatalog(), programmesFor(user.profession), listOwnCertificates(db, user)]);
  const [t, format, { href }] = await Promise.all([getTranslations('certificates'), getFormatter(), getLocalizer()]);
  // Certificate dates are UTC days, as the PDF and the verification page print them.
  const day = (d: Date) => format.dateTime(d, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      {programmes.length === 0 ? <p>{t('noProgramme')}</p> : null}
      {views.map(({ p, current, assessedSince, readiness, signOff, status }) => {
        const missing = readiness.requirements.filter((r) => !r.met).length;
        const hours = hoursStatement(p);
        return (
          <section key={p.id} className="card stack" aria-labelledby={`programme-${p.id}`} data-programme={p.id}>
            <h2 id={`programme-${p.id}`} className="m-0" lang="en">
              {p.title}
            </h2>
            <p className="m-0" lang="en">
              {p.summary}
            </p>
            <p className="m-0 text-sm text-muted">
              {t.rich('mapped', { ...bidiTags, tier: p.tier, months: p.validityMonths })}
              {hours ? (
                <>
                  {' · '}
                  <bdi lang="en">{hours}</bdi>
                </>
              ) : null}
            </p>
            {current && status ? (
              <div className={`notice ${status === 'valid' || status === 'recertify-soon' ? 'notice-ok' : 'notice-error'}`} data-testid="certificate">
                <p className="m-0 font-semibold">
                  {t('issued', { status: t(`status.${status}`), issued: day(current.issuedAt), expires: day(current.expiresAt) })}
                </p>
                {status === 'revoked' && current.revokedAt ? (
                  <p className="m-0" data-testid="revoked-notice">
                    {t.rich('revoked', { ...bidiTags, date: day(current.revokedAt), reason: current.revokedReason ?? '' })}
                  </p>
                ) : null}
                {status === 'recertify-soon' || status === 'expired' ? (
                  <p className="m-0">
                    {t('recertify', { since: assessedSince ? day(assessedSince) : 'none' })}
                  </p>
                ) : null}
                <ul className="mt-2 flex flex-wrap gap-3">
                  <li>
                    <a className="btn btn-small" href={`/certificates/${current.code}/pdf`}>
                      {t.rich('pdf', bidiTags)}
                    </a>
                  </li>
                  <li>
                    <Link className="btn btn-small" href={href(`/certificates/${current.code}/badge`)}>
                      {t('badge')}
                    </Link>
                  </li>
                  <li>
                    <Link className="btn btn-small" href={href(`/verify/${current.code}`)}>
                      {t('verify')}
                    </Link>
                  </li>
                </ul>
                <p className="m-0 mt-2 break-all text-sm">
                  {t('share')}{' '}
                  <span data-testid="verify-url" dir="ltr">{absoluteUrl(`/verify/${current.code}`)}</span>
                </p>
              </div>
            ) : null}
            {signOff && !signOff.complete ? (
              <div className="notice" role="status" data-testid="sign-off-wait">
                <p className="m-0 font-semibold">{t('signOffDone')}</p>
                <p className="m-0">{t('signOffWait', { waiting: signOff.total - signOff.signedOff, total: signOff.total })}</p>
              </div>
            ) : null}
            <h3>{assessedSince ? t('toRecertify') : t('requirements')}</h3>
            <Checklist requirements={readiness.requirements} catalog={catalog} headingLevel={4} />
            {missing > 0 ? (
              <p className="m-0 font-semibold">{t('stillToDo', { missing, total: readiness.requirements.length })}</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
