import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { learnerHome, staffHome } from '@/lib/services/home';
import { formatDate } from '@/components/cohorts/format';
import { ContinueList } from '@/components/home/ContinueList';
import { ProgrammeNext } from '@/components/home/ProgrammeNext';
import { RecentResults } from '@/components/home/RecentResults';
import { StaffCohorts } from '@/components/home/StaffCohorts';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';

export const metadata: Metadata = { title: 'Your home', robots: { index: false } };

// The signed-in home: dynamic (it reads the session), unlike the landing page and the lessons, which
// stay prerendered. Sign-in lands here, and the header's "Home" link leads here.
export default async function HomePage() {
  const user = await requireUser('/home');
  const db = getDb();
  const now = new Date();
  const catalog = await getCatalog();
  const [home, staff] = await Promise.all([learnerHome(db, user, catalog, now), staffHome(db, user, catalog, now)]);
  const title = (id: string) => catalog.programmes.find((p) => p.def.id === id)?.def.title ?? id;
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Welcome back, {user.name.split(' ')[0]}</h1>
        <p className="m-0 small muted">Signed in as {user.email}</p>
        {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      </header>
      {staff ? (
        <section aria-labelledby="teaching" className="stack">
          <h2 id="teaching" className="m-0">
            Your cohorts at a glance
          </h2>
          <StaffCohorts cohorts={staff.cohorts} total={staff.total} />
        </section>
      ) : null}
      <section aria-labelledby="continue" className="stack">
        <h2 id="continue" className="m-0">
          {home.lessonsDone === 0 && home.resume.every((p) => p.kind === 'lesson') ? 'Start learning' : 'Continue where you left off'}
        </h2>
        <ContinueList points={home.resume} catalog={catalog} />
      </section>
      {home.invitations.length > 0 ? (
        <p className="notice" data-testid="home-invitations">
          {home.invitations.length === 1 ? `${home.invitations[0]!.name} invites you to join.` : `${home.invitations.length} cohorts invite you to join.`}{' '}
          <Link href="/cohorts">Answer on your cohorts page</Link>
        </p>
      ) : null}
      {home.renewals.length > 0 ? (
        <section aria-labelledby="renew" className="notice stack" data-testid="home-renewals">
          <h2 id="renew" className="m-0 text-lg">
            Certificates to renew
          </h2>
          <ul>
            {home.renewals.map(({ cert, status }) => (
              <li key={cert.id}>
                {title(cert.programmeId)}: {status === 'expired' ? 'expired on' : 'expires on'} {formatDate(cert.expiresAt)} · <Link href="/certificates">what to do</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {home.programmes.length > 0 ? (
        <section aria-labelledby="programmes" className="stack">
          <h2 id="programmes" className="m-0">
            Towards your certificate
          </h2>
          {home.programmes.map(({ programme, readiness }) => (
            <ProgrammeNext key={programme.id} id={programme.id} title={programme.title} requirements={readiness.requirements} catalog={catalog} />
          ))}
        </section>
      ) : null}
      {home.cohorts.length > 0 ? (
        <section aria-labelledby="cohorts" className="stack">
          <h2 id="cohorts" className="m-0">
            Your cohorts
          </h2>
          <ul className="stack" data-testid="home-cohorts">
            {home.cohorts.map((c) => (
              <li key={c.id}>
                <span className="font-semibold">{c.name}</span> · {c.institution} · {title(c.programmeId)} due <strong>{formatDate(c.dueDate)}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="results" className="stack">
        <h2 id="results" className="m-0">
          Recent results
        </h2>
        <RecentResults results={home.results} catalog={catalog} />
      </section>
    </div>
  );
}
