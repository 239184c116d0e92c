import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { invitationByToken } from '@/db/queries/cohort-invitations';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { SignUpForm } from './SignUpForm';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

type Search = { next?: string | string[]; invitation?: string | string[] };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { next, invitation } = await searchParams;
  const target = safeNext(next, '');
  if (await getCurrentUser()) redirect(target || '/home');
  // Arriving from an invitation link: its address is filled in (reading only).
  const invited = typeof invitation === 'string' ? await invitationByToken(getDb(), invitation) : null;
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p className="muted">Free for medical students and doctors. Your progress is kept so you can pick up where you left off.</p>
      <SignUpForm next={target || undefined} invitation={invited && typeof invitation === 'string' ? invitation : undefined} email={invited?.email} />
    </div>
  );
}
