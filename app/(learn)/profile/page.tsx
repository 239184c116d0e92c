import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { SubmitButton } from '@/components/forms/FormStatus';
import { signOutAction } from '../../(auth)/actions';
import { ProfileForm } from './ProfileForm';
import { SignOutEverywhere } from './SignOutEverywhere';
import { CpdLedger } from './CpdLedger';

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } };

const roleLabel = { learner: 'Learner', instructor: 'Instructor', admin: 'Admin' } as const;

export default async function ProfilePage() {
  const user = await requireUser('/profile');
  return (
    <div className="narrow stack-lg">
      <header>
        <h1>Your profile</h1>
        <p className="muted">
          Signed in as <strong>{user.email}</strong> · <span data-testid="role">{roleLabel[user.role]}</span>
        </p>
      </header>
      {user.role !== 'learner' ? (
        <nav aria-label="Teaching" className="card">
          <h2 className="h3">Teaching</h2>
          <ul>
            <li>
              <Link href="/teach/cohorts">Cohorts and readiness dashboards</Link>
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
              <Link href="/admin/certificates">Issued certificates</Link>
            </li>
            <li>
              <Link href="/admin/content">Content review</Link>
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
      <section aria-labelledby="sessions" className="stack">
        <h2 id="sessions">Sessions</h2>
        <form action={signOutAction}>
          <SubmitButton className="btn">Sign out</SubmitButton>
        </form>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
