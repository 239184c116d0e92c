import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { invitationByToken } from '@/db/queries/cohort-invitations';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { bidiTags } from '@/components/site/bidi';
import { getLocalizer } from '@/i18n/server';
import { SignUpForm, type SignUpText } from './SignUpForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signUp');
  return { title: t('title'), robots: { index: false } };
}

type Search = { next?: string | string[]; invitation?: string | string[] };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { next, invitation } = await searchParams;
  const target = safeNext(next, '');
  if (await getCurrentUser()) redirect(target || '/home');
  // Arriving from an invitation link: its address is filled in (reading only).
  const invited = typeof invitation === 'string' ? await invitationByToken(getDb(), invitation) : null;
  const [t, { href }] = await Promise.all([getTranslations('signUp'), getLocalizer()]);
  const text: SignUpText = {
    name: t('name'),
    email: t('email'),
    emailHint: invited ? t('emailInvited') : t('emailHint'),
    password: t('password'),
    passwordHint: t('passwordHint'),
    profession: t('profession'),
    professions: (['student', 'doctor', 'other'] as const).map((value) => ({ value, label: t(value) })),
    institution: t('institution'),
    registration: t('registration'),
    registrationHint: t.rich('registrationHint', bidiTags),
    submit: t('submit'),
    haveAccount: t('haveAccount'),
    signIn: t('signIn'),
    signInHref: href('/sign-in'),
  };
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SignUpForm next={target || undefined} invitation={invited && typeof invitation === 'string' ? invitation : undefined} email={invited?.email} text={text} />
    </div>
  );
}
