'use server';
import { CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { invitationByToken } from '@/db/queries/cohort-invitations';
import { signIn, signOut } from '@/lib/auth';
import { clientAddress } from '@/lib/http/client-address';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { formAction } from '@/lib/actions';
import { applyAccountLocale } from '@/lib/services/locale';
import { localizePath } from '@/i18n/routing';
import { allowSignUp, registerAccount, requestPasswordReset, resetPassword } from '@/lib/services/accounts';
import { forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from '@/lib/validation/account';
import type { FormState } from '@/components/forms/form-state';

const next = { next: z.string().max(500).optional() };

async function signInOrExplain(email: string, password: string, redirectTo: string): Promise<FormState> {
  try {
    await signIn('credentials', { email, password, redirectTo, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const t = await getTranslations('auth');
      // One answer for a wrong email and a wrong password: the form never tells which accounts exist.
      return { status: 'error', message: t(error.code === 'rate_limited' ? 'rateLimited' : 'wrongCredentials') };
    }
    throw error;
  }
  // The account's language (chosen on any device) decides where a person lands after signing in.
  const locale = await applyAccountLocale(getDb(), email);
  redirect(locale ? localizePath(redirectTo, locale) : redirectTo);
}

export const signInAction = formAction(signInSchema.extend(next), async (data, values) => {
  const state = await signInOrExplain(data.email, data.password, safeNext(data.next, '/home'));
  return { ...state, values };
});

/**
 * Creates the account and signs in. Coming from an invitation link sent to this very address, the
 * address is proven and counts as verified; otherwise a verification link is e-mailed.
 */
export const signUpAction = formAction(signUpSchema.extend(next), async (data, values) => {
  // Someone already signed in (a stale tab, a shared computer) would otherwise create a second
  // account and be switched into it: they sign out first, on purpose.
  const t = await getTranslations('signUp');
  if (await getCurrentUser()) {
    return { status: 'error', message: t('alreadySignedIn'), values };
  }
  if (!(await allowSignUp(getDb(), clientAddress(await headers())))) {
    return { status: 'error', message: t('tooMany'), values };
  }
  const invitation = data.invitation ? await invitationByToken(getDb(), data.invitation) : null;
  const proven = invitation !== null && invitation.email === data.email && invitation.revokedAt === null && invitation.expiresAt.getTime() > Date.now();
  const created = await registerAccount(
    getDb(),
    { name: data.name, email: data.email, password: data.password, profession: data.profession, institution: data.institution, registrationNumber: data.registrationNumber },
    proven,
  );
  if (!created) {
    return {
      status: 'invalid',
      message: t('correct'),
      fieldErrors: { email: t('emailTaken') },
      values,
    };
  }
  // A new account starts on the welcome (programme, cohort code, first lesson) unless it came for a page.
  return signInOrExplain(data.email, data.password, safeNext(data.next, '/welcome'));
});

/** "Forgot password?": the same answer whether or not the address has an account. */
export const forgotPasswordAction = formAction(forgotPasswordSchema, async (data, values): Promise<FormState> => {
  await requestPasswordReset(getDb(), data.email, clientAddress(await headers()));
  return {
    status: 'ok',
    message: `If an account uses ${data.email}, we have sent it a link to choose a new password. It works once, for 30 minutes. Check your spam folder if it does not arrive.`,
    values,
  };
});

const resetRefusal = {
  invalid: 'This link is not valid. Ask for a new one below.',
  expired: 'This link has expired (links work for 30 minutes). Ask for a new one below.',
  used: 'This link has been used already. Ask for a new one below if you need to.',
} as const;

/** A new password from a reset link: every other session ends, and the person is signed in. */
export const resetPasswordAction = formAction(resetPasswordSchema, async (data): Promise<FormState> => {
  const result = await resetPassword(getDb(), data.token, data.password);
  if (!result.ok) return { status: 'error', message: resetRefusal[result.reason] };
  return signInOrExplain(result.email, data.password, '/profile?reset=1');
});

/** Signs out: the server-side session row is deleted, so the old cookie no longer works anywhere. */
export async function signOutAction(): Promise<void> {
  if (await getCurrentUser()) await signOut({ redirectTo: '/' });
}
