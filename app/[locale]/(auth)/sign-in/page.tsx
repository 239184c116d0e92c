import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { SignInForm, type SignInText } from './SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle'), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNext(next, '');
  if (await getCurrentUser()) redirect(target || '/home');
  const [t, { href }] = await Promise.all([getTranslations('auth'), getLocalizer()]);
  const text: SignInText = {
    email: t('email'),
    password: t('password'),
    signIn: t('signIn'),
    forgot: t('forgot'),
    newHere: t('newHere'),
    createAccount: t('createAccount'),
    forgotHref: href('/forgot-password'),
    signUpHref: href('/sign-up'),
  };
  return (
    <div className="narrow">
      <h1>{t('signInTitle')}</h1>
      {target ? <p className="muted">{t('signInContinue')}</p> : null}
      <SignInForm next={target || undefined} text={text} />
    </div>
  );
}
