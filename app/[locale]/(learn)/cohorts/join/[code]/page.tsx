import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { cohortByCode } from '@/db/queries/cohorts';
import { requireUser } from '@/lib/auth/session';
import { PrivacyNotice } from '@/components/cohorts/PrivacyNotice';
import { formatDate } from '@/components/cohorts/format';
import { isStaff } from '@/lib/domain/roles';
import { JoinForm } from '../../CohortForms';

export const metadata: Metadata = { title: 'Join a cohort', robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

/** Where a shared join link lands: says what the cohort is and what joining shares, then joins on a press (never on a GET). */
export default async function JoinLinkPage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser(`/cohorts/join/${encodeURIComponent(code)}`);
  const cohort = !isStaff(user.role) ? await cohortByCode(getDb(), code) : null;
  return (
    <div className="narrow stack-lg">
      <h1 className="m-0">Join a cohort</h1>
      {isStaff(user.role) ? (
        <p>Staff accounts run cohorts rather than join them. Sign in with a learner account to join.</p>
      ) : cohort === null ? (
        <>
          <p className="notice notice-error">This join link does not match any cohort. Check it with your instructor, or type the code below.</p>
          <JoinForm />
        </>
      ) : (
        <>
          <div className="card stack">
            <p className="m-0 text-lg font-bold" data-testid="join-cohort-name">
              {cohort.name}
            </p>
            <p className="m-0 small">
              {cohort.institution} · run by {cohort.instructorName} · due {formatDate(cohort.dueDate)}
            </p>
          </div>
          {cohort.closedAt ? <p className="notice notice-error">This cohort is closed to new members.</p> : <JoinForm code={code} compact />}
          <PrivacyNotice instructor={cohort.instructorName} />
        </>
      )}
      <p>
        <Link href="/cohorts">Your cohorts</Link>
      </p>
    </div>
  );
}
