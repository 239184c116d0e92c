import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { learnerHome, staffHome } from '@/lib/services/home';
import { bidiTags } from '@/components/site/bidi';
import { getLocalizer } from '@/i18n/server';
import { ContinueList } from '@/components/home/ContinueList';
import { ProgrammeNext } from '@/components/home/ProgrammeNext';
import { RecentResults } from '@/components/home/RecentResults';
import { StaffCohorts } from '@/components/home/StaffCohorts';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('learnerHome');
  return { title: t('title'), robots: { index: false } };
}

// The signed-in home: dynamic (it reads the session), unlike the landing page and the lessons, which
// stay prerendered. Sign-in lands here, and the header's "Home" link leads here.
export default async function HomePage() {
  const user = await requireUser('/home');
  const db = getDb();
  const now = new Date();
  const catalog = await getCatalog();
  const [home, staff] = await Promise.all([learnerHome(db, user, catalog, now), staffHome(db, user, catalog, now)]);
  const title = (id: string) => catalog.programmes.find((p) => p.def.id === id)?.def.title ?? id;
  // Dates in the page's language, Pakistan time (i18n/formats.ts, i18n/request.ts).
  const [t, format, { href }] = await Promise.all([getTranslations('learnerHome'), getFormatter(), getLocalizer()]);
  const day = (d: Date) => format.dateTime(d, 'day');
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">{t('welcome', { name: user.name.split(' ')[0] ?? '' })}</h1>
        <p className="m-0 small muted">{t.rich('signedInAs', { ...bidiTags, email: user.email })}</p>
        {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      </header>
      {staff ? (
        <section aria-labelledby="teaching" className="stack">
          <h2 id="teaching" className="m-0">
            {t('glance')}
          </h2>
          <StaffCohorts cohorts={staff.cohorts} total={staff.total} />
        </section>
      ) : null}
      <section aria-labelledby="continue" className="stack">
        <h2 id="continue" className="m-0">
          {home.lessonsDone === 0 && home.resume.every((p) => p.kind === 'lesson') ? t('start') : t('continue')}
        </h2>
        <ContinueList points={home.resume} catalog={catalog} />
      </section>
      {home.invitations.length > 0 ? (
        <p className="notice" data-testid="home-invitations">
          {home.invitations.length === 1 ? t.rich('invitedOne', { ...bidiTags, name: home.invitations[0]!.name }) : t('invitedMany', { count: home.invitations.length })}{' '}
          <Link href={href('/cohorts')}>{t('answer')}</Link>
        </p>
      ) : null}
      {home.renewals.length > 0 ? (
        <section aria-labelledby="renew" className="notice stack" data-testid="home-renewals">
          <h2 id="renew" className="m-0 text-lg">
            {t('renew')}
          </h2>
          <ul>
            {home.renewals.map(({ cert, status }) => (
              <li key={cert.id}>
                {t.rich(status === 'expired' ? 'expired' : 'expires', { ...bidiTags, programme: title(cert.programmeId), date: day(cert.expiresAt) })} ·{' '}
                <Link href={href('/certificates')}>{t('whatToDo')}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {home.programmes.length > 0 ? (
        <section aria-labelledby="programmes" className="stack">
          <h2 id="programmes" className="m-0">
            {t('towards')}
          </h2>
          {home.programmes.map(({ programme, readiness }) => (
            <ProgrammeNext key={programme.id} id={programme.id} title={programme.title} requirements={readiness.requirements} catalog={catalog} />
          ))}
        </section>
      ) : null}
      {home.cohorts.length > 0 ? (
        <section aria-labelledby="cohorts" className="stack">
          <h2 id="cohorts" className="m-0">
            {t('cohorts')}
          </h2>
          <ul className="stack" data-testid="home-cohorts">
            {home.cohorts.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{c.name}</span> · {c.institution} · <bdi lang="en">{title(c.programmeId)}</bdi> {t('cohortDue')} <strong>{day(c.dueDate)}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="results" className="stack">
        <h2 id="results" className="m-0">
          {t('results')}
        </h2>
        <RecentResults results={home.results} catalog={catalog} />
      </section>
    </div>
  );
}
