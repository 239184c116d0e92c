import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNext(next, '');
  if (await getCurrentUser()) redirect(target || '/home');
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {target ? <p className="muted">Sign in to continue. You will come back to the page you asked for.</p> : null}
      <SignInForm next={target || undefined} />
    </div>
  );
}
