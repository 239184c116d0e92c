import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { SignUpForm } from './SignUpForm';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = typeof next === 'string' ? safeNext(next, '') : '';
  if (await getCurrentUser()) redirect(target || '/profile');
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p className="muted">Free for medical students and doctors. Your progress is kept so you can pick up where you left off.</p>
      <SignUpForm next={target || undefined} />
    </div>
  );
}
