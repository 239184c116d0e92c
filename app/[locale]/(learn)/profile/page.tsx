import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { pendingInvitationsFor } from '@/db/queries/cohort-invitations';
import { requireUser } from '@/lib/auth/session';
import { SubmitButton } from '@/components/forms/FormStatus';
import { isStaff } from '@/lib/domain/roles';
import { signOutAction } from '../../(auth)/actions';
import { ProfileForm } from './ProfileForm';
import { SignOutEverywhere } from './SignOutEverywhere';
import { CpdLedger } from './CpdLedger';
import { ChangeEmailForm, ChangePasswordForm } from './AccountForms';
import { VerifyNotice } from '../../(auth)/account/VerifyNotice';
import { deletionCancelledSince } from '@/db/queries/privacy';
import { deletionGraceDays } from '@/lib/privacy/registry';
import { YourData } from './YourData';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };

const roleLabel = { learner: 'Learner', instructor: 'Instructor', reviewer: 'Clinical reviewer', admin: 'Admin' } as const;

type Props = { searchParams: Promise<{ reset?: string }> };

export default async function ProfilePage({ searchParams }: Props) {
  const user = await requireUser('/profile');
  const { reset } = await searchParams;
  const now = new Date();
  const invitations = !isStaff(user.role) ? await pendingInvitationsFor(getDb(), user, now) : [];
  const cancelled = await deletionCancelledSince(getDb(), user.id, new Date(now.getTime() - 86_400_000));
  return (
    <div className="narrow stack-lg">
      <header>
        <h1>Your profile</h1>
        <p className="muted">
          Signed in as <strong>{user.email}</strong> · <span data-testid="role">{roleLabel[user.role]}</span>
        </p>
      </header>
      {reset ? (
        <p className="notice notice-ok" role="status">
          Your new password is set, and every other session of your account has been signed out.
        </p>
      ) : null}
      {cancelled ? (
        <p className="notice notice-ok" role="status" data-testid="deletion-cancelled">
          You signed in while your account was waiting to be deleted, so the deletion is cancelled and your account stays as it was. To delete it after all, ask again under “Your data”.
        </p>
      ) : null}
      {user.emailVerified ? null : <VerifyNotice email={user.email} />}
      {invitations.length > 0 ? (
        <p className="notice" data-testid="invitation-notice">
          {invitations.length === 1 ? `${invitations[0]!.instructor} invites you to join the cohort “${invitations[0]!.name}”.` : `You have ${invitations.length} cohort invitations.`}{' '}
          <Link href="/cohorts">See what is shared, and accept or decline</Link>
        </p>
      ) : null}
      {isStaff(user.role) ? (
        <nav aria-label="Teaching" className="card">
          <h2 className="h3">Teaching</h2>
          <ul>
            <li>
              <Link href="/teach/cohorts">Cohorts and readiness dashboards</Link>
            </li>
            <li>
              <Link href="/institutions">Your institutions: staff, settings and their readiness</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {user.role === 'reviewer' ? (
        <nav aria-label="Clinical review" className="card">
          <h2 className="h3">Clinical review</h2>
          <ul>
            <li>
              <Link href="/admin/content">Content review and sign-off</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {user.role === 'admin' ? (
        <nav aria-label="Administration" className="card">
          <h2 className="h3">Administration</h2>
          <ul>
            <li>
              <Link href="/admin/users">Manage users and roles</Link>
            </li>
            <li>
              <Link href="/admin/audit">Audit log: who changed what, and when</Link>
            </li>
            <li>
              <Link href="/admin/institutions">Institutions: create, appoint their admins, merge duplicates</Link>
            </li>
            <li>
              <Link href="/admin/certificates">Issued certificates</Link>
            </li>
            <li>
              <Link href="/admin/readiness">National readiness (institutions side by side)</Link>
            </li>
            <li>
              <Link href="/admin/content">Content review and sign-off</Link>
            </li>
            <li>
              <Link href="/admin/events">Background work (certificates and follow-ups)</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <CpdLedger userId={user.id} />
      <section aria-labelledby="details">
        <h2 id="details">Your details</h2>
        <ProfileForm profile={user} />
      </section>
      <section aria-labelledby="address" className="stack">
        <h2 id="address">E-mail address</h2>
        <p className="m-0" data-testid="email-status">
          {user.email} · {user.emailVerified ? 'confirmed' : 'not confirmed yet'}
        </p>
        <details>
          <summary>Change your e-mail address</summary>
          <p className="small muted">We send a link to the new address; the change happens when you open it there. Your current address is told of the request.</p>
          <ChangeEmailForm />
        </details>
      </section>
      <section aria-labelledby="password" className="stack">
        <h2 id="password">Password</h2>
        <details>
          <summary>Change your password</summary>
          <ChangePasswordForm />
        </details>
      </section>
      <section aria-labelledby="sessions" className="stack">
        <h2 id="sessions">Sessions</h2>
        <form action={signOutAction}>
          <SubmitButton className="btn">Sign out</SubmitButton>
        </form>
        <SignOutEverywhere />
      </section>
      <YourData email={user.email} graceDays={deletionGraceDays} />
    </div>
  );
}
