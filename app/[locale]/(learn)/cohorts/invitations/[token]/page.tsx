import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { cohortHeading, invitationByToken } from '@/db/queries/cohort-invitations';
import { getCurrentUser } from '@/lib/auth/session';
import { type AnswerRefusal, mayAnswer } from '@/lib/domain/cohorts';
import { PrivacyNotice } from '@/components/cohorts/PrivacyNotice';
import { formatDate } from '@/components/cohorts/format';
import { isStaff } from '@/lib/domain/roles';
import { AnswerInvitationForm } from '../../CohortForms';
import { ResendVerificationForm } from '../../../../(auth)/account/ResendVerificationForm';

export const metadata: Metadata = { title: 'Cohort invitation', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const refusal: Record<AnswerRefusal, string> = {
  answered: 'This invitation has already been answered.',
  revoked: 'Your instructor withdrew this invitation.',
  expired: 'This invitation has expired. Ask your instructor to send it again.',
  'other-account': 'This invitation was sent to another address.',
  unverified: 'Confirm your e-mail address first.',
};

/**
 * Where an invitation e-mail's link lands. It says who invites, to what, and exactly what they will
 * see, then lets the invited person accept or decline. Opening it changes nothing.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await invitationByToken(getDb(), token);
  if (!invitation) {
    return (
      <div className="narrow stack">
        <h1>This invitation link does not work</h1>
        <p className="notice notice-error" data-testid="token-refused">
          It may have been copied incompletely, or replaced by a newer invitation. Ask your instructor to send it again.
        </p>
      </div>
    );
  }
  const [cohort, user] = await Promise.all([cohortHeading(getDb(), invitation.cohortId), getCurrentUser()]);
  const here = `/cohorts/invitations/${encodeURIComponent(token)}`;
  const check = user ? mayAnswer(invitation, user, new Date()) : null;
  return (
    <div className="narrow stack-lg">
      <header className="stack">
        <h1 className="m-0">You are invited to a cohort</h1>
        <div className="card stack">
          <p className="m-0 text-lg font-bold" data-testid="invitation-cohort">
            {cohort.name}
          </p>
          <p className="m-0 small">
            {cohort.institution} · run by {cohort.instructor} · due {formatDate(cohort.dueDate)} · sent to {invitation.email}
          </p>
        </div>
      </header>
      {!user ? (
        <div className="stack">
          <p>To answer, sign in with {invitation.email}, or create an account with that address (it then counts as confirmed: the invitation reached it).</p>
          <p className="flex flex-wrap gap-3">
            <Link className="btn btn-primary" href={`/sign-up?invitation=${encodeURIComponent(token)}&next=${encodeURIComponent(here)}`}>
              Create an account
            </Link>
            <Link className="btn" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in
            </Link>
          </p>
        </div>
      ) : isStaff(user.role) ? (
        <p>Staff accounts run cohorts rather than join them. Sign in with a learner account to answer.</p>
      ) : check && !check.ok && check.reason === 'other-account' ? (
        <p className="notice notice-error" data-testid="invitation-other-account">
          You are signed in as {user.email}, but this invitation was sent to {invitation.email}. Only that address&apos;s account can answer it: sign out, then sign in or
          create an account with {invitation.email}.
        </p>
      ) : check && !check.ok && check.reason === 'unverified' ? (
        <div className="notice stack" data-testid="invitation-unverified">
          <p className="m-0">Confirm your e-mail address first: open the link we sent to {user.email}, then come back to this page.</p>
          <ResendVerificationForm />
        </div>
      ) : check && !check.ok ? (
        <p className="notice notice-error">{refusal[check.reason]}</p>
      ) : (
        <>
          <PrivacyNotice instructor={cohort.instructor} />
          <AnswerInvitationForm token={token} />
        </>
      )}
      <p>
        <Link href="/cohorts">Your cohorts</Link>
      </p>
    </div>
  );
}
