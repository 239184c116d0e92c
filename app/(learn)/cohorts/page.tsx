import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCohorts } from '@/db/queries/cohorts';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { PrivacyNotice } from '@/components/cohorts/PrivacyNotice';
import { formatDate } from '@/components/cohorts/format';
import { JoinForm, LeaveForm } from './CohortForms';

export const metadata: Metadata = { title: 'Your cohorts', robots: { index: false } };

type Props = { searchParams: Promise<{ joined?: string; left?: string }> };

export default async function CohortsPage({ searchParams }: Props) {
  const user = await requireUser('/cohorts');
  if (user.role !== 'learner') {
    return (
      <div className="narrow stack">
        <h1>Cohorts</h1>
        <p>Staff accounts run cohorts rather than join them.</p>
        <p>
          <Link href="/teach/cohorts">Open your cohorts</Link>
        </p>
      </div>
    );
  }
  const [{ joined, left }, cohorts, { programmes }] = await Promise.all([searchParams, listOwnCohorts(getDb(), user), getCatalog()]);
  const justJoined = cohorts.find((c) => c.id === joined);
  const title = (id: string) => programmes.find((p) => p.def.id === id)?.def.title ?? id;
  return (
    <div className="narrow stack-lg">
      <header className="stack">
        <h1 className="m-0">Your cohorts</h1>
        <p className="m-0 muted">A cohort is a class your university or hospital follows as it prepares for telemedicine.</p>
      </header>
      {justJoined ? (
        <p role="status" className="notice notice-ok">
          You joined {justJoined.name}.
        </p>
      ) : null}
      {left ? (
        <p role="status" className="notice notice-ok">
          You left the cohort. Its instructor no longer sees your progress.
        </p>
      ) : null}
      {cohorts.length === 0 ? (
        <p data-testid="no-cohorts">You are not in any cohort.</p>
      ) : (
        <ul className="stack" data-testid="my-cohorts">
          {cohorts.map((c) => (
            <li key={c.id} className="card stack">
              <h2 className="m-0 text-lg">{c.name}</h2>
              <p className="m-0 small">
                {c.institution} · run by {c.instructorName} · towards <Link href="/certificates">{title(c.programmeId)}</Link> by {formatDate(c.dueDate)}
                {c.closedAt ? ' · closed to new members' : ''}
              </p>
              <LeaveForm cohortId={c.id} name={c.name} />
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="join" className="stack">
        <h2 id="join">Join a cohort</h2>
        <JoinForm />
      </section>
      <PrivacyNotice />
    </div>
  );
}
