import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { SignInForm } from './SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle'), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNext(next, '');
  if (await getCurrentUser()) redirect(target || '/home');
  const [t, messages] = await Promise.all([getTranslations('auth'), getMessages()]);
  return (
    <div className="narrow">
      <h1>{t('signInTitle')}</h1>
      {target ? <p className="muted">{t('signInContinue')}</p> : null}
      <NextIntlClientProvider messages={{ auth: messages.auth }}>
        <SignInForm next={target || undefined} />
      </NextIntlClientProvider>
    </div>
  );
}
