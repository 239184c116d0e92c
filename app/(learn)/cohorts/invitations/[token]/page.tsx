import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { PrivacyNotice } from '@/components/cohorts/PrivacyNotice';
import { AcceptInvitationForm } from '../../CohortForms';

export const metadata: Metadata = { title: 'Cohort invitation', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Where an invitation link from a roster import lands. Signing up first brings the learner back here. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const user = await requireUser(`/cohorts/invitations/${encodeURIComponent(token)}`);
  return (
    <div className="narrow stack-lg">
      <h1 className="m-0">You are invited to a cohort</h1>
      {user.role === 'learner' ? (
        <>
          <p className="m-0">Your instructor added your email to a cohort. Accept to join it with this account ({user.email}).</p>
          <AcceptInvitationForm token={token} />
          <PrivacyNotice />
        </>
      ) : (
        <p>Staff accounts run cohorts rather than join them. Sign in with a learner account to accept.</p>
      )}
      <p>
        <Link href="/cohorts">Your cohorts</Link>
      </p>
    </div>
  );
}
