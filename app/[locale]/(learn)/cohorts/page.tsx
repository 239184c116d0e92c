import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { pendingInvitationsFor } from '@/db/queries/cohort-invitations';
import { listOwnCohorts } from '@/db/queries/cohorts';
import { institutionsForDomain } from '@/db/queries/institutions';
import { emailDomainOf } from '@/lib/domain/institutions';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { PrivacyNotice } from '@/components/cohorts/PrivacyNotice';
import { formatDate } from '@/components/cohorts/format';
import { isStaff } from '@/lib/domain/roles';
import { AnswerInvitationForm, JoinForm, LeaveForm } from './CohortForms';

export const metadata: Metadata = { title: 'Your cohorts', robots: { index: false } };

type Props = { searchParams: Promise<{ joined?: string; left?: string }> };

export default async function CohortsPage({ searchParams }: Props) {
  const user = await requireUser('/cohorts');
  if (isStaff(user.role)) {
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
  const [{ joined, left }, cohorts, { programmes }, invitations, byDomain] = await Promise.all([
    searchParams,
    listOwnCohorts(getDb(), user),
    getCatalog(),
    pendingInvitationsFor(getDb(), user, new Date()),
    institutionsForDomain(getDb(), emailDomainOf(user.email)),
  ]);
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
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations" className="stack" data-testid="pending-invitations">
          <h2 id="invitations" className="m-0">
            Invitations
          </h2>
          {user.emailVerified ? null : <p className="notice">Confirm your e-mail address (see your profile) to answer them.</p>}
          <ul className="stack">
            {invitations.map((i) => (
              <li key={i.id} className="card stack" data-invitation={i.name}>
                <p className="m-0 font-semibold">{i.name}</p>
                <p className="m-0 small">
                  {i.institution} · {i.instructor} invites you · open until {formatDate(i.expiresAt)}
                </p>
                {user.emailVerified ? <AnswerInvitationForm id={i.id} /> : null}
              </li>
            ))}
          </ul>
          <p className="m-0 small muted">Accepting shares what is listed under “What the instructor will see”, below.</p>
        </section>
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
        {byDomain.length > 0 && cohorts.length === 0 ? (
          <p className="notice" data-testid="domain-suggestion">
            Your address suggests you study or work at {byDomain.map((i) => i.name).join(' or ')}. If it runs a cohort for you, ask its instructor for the join code or an invitation.
          </p>
        ) : null}
        <JoinForm />
      </section>
      <PrivacyNotice />
    </div>
  );
}
