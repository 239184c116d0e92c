'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { formAction, userFormAction } from '@/lib/actions';
import { currentSessionId } from '@/lib/auth/session-id';
import { changePassword, confirmEmail, requestEmailChange, resendVerification } from '@/lib/services/accounts';
import { changeEmailSchema, changePasswordSchema, tokenSchema } from '@/lib/validation/account';
import { AppError } from '@/lib/errors';
import type { FormState } from '@/components/forms/form-state';

const confirmRefusal = {
  invalid: 'This link is not valid (a newer link may have replaced it). Ask for a fresh one from your profile.',
  expired: 'This link has expired. Ask for a fresh one from your profile.',
  used: 'This link has been used already. If your address is confirmed, your profile says so.',
  taken: 'Another account started using that address in the meantime, so it cannot be moved to yours.',
} as const;

/** Confirms an address from the link in its e-mail (a new account's, or a changed one's). */
export const confirmEmailAction = formAction(tokenSchema.extend({ purpose: z.enum(['verify-email', 'change-email']) }), async (data): Promise<FormState> => {
  const result = await confirmEmail(getDb(), data.token, data.purpose);
  if (!result.ok) return { status: 'error', message: confirmRefusal[result.reason] };
  revalidatePath('/profile');
  redirect('/account/confirmed');
});

/** Sends a fresh verification link to the signed-in person's address. */
export const resendVerificationAction = userFormAction(z.object({}), async (_data, user): Promise<FormState> => {
  const result = await resendVerification(getDb(), user);
  if (result === 'verified') return { status: 'ok', message: 'Your address is already confirmed.' };
  if (result === 'limited') return { status: 'error', message: 'We have sent several links in the last hour. Wait a while, and check your spam folder.' };
  return { status: 'ok', message: `We have sent a new link to ${user.email}. It works for 48 hours.` };
});

const passwordChecksLimited = 'Your current password has been entered many times in the last few minutes. Wait a quarter of an hour and try again; if you have forgotten it, sign out and use "Forgot password?".';

/** A signed-in person changes their password; their other sessions end, this one stays. */
export const changePasswordAction = userFormAction(changePasswordSchema, async (data, user): Promise<FormState> => {
  const sid = await currentSessionId();
  if (!sid) throw new AppError('unauthorized');
  const result = await changePassword(getDb(), user, sid, data.current, data.password);
  if (result === 'wrong-password') return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { current: 'That is not your current password.' } };
  if (result === 'limited') return { status: 'error', message: passwordChecksLimited };
  return { status: 'ok', message: 'Password changed. Every other session of your account has been signed out.' };
});

const changeMessages = {
  'wrong-password': { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { password: 'That is not your password.' } },
  same: { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { email: 'That is already your address.' } },
  taken: { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { email: 'Another account uses that address.' } },
  limited: { status: 'error', message: 'You have asked for several changes, or entered your password many times, recently. Wait a while and try again.' },
} as const satisfies Record<string, FormState>;

/** Asks to move the account to another address: confirmed from that address; the current one is told. */
export const changeEmailAction = userFormAction(changeEmailSchema, async (data, user, values): Promise<FormState> => {
  const result = await requestEmailChange(getDb(), user, data.email, data.password);
  if (result !== 'sent') return { ...changeMessages[result], values };
  return { status: 'ok', message: `We have sent a link to ${data.email}. Your address changes when you open it there; until then it stays ${user.email}.` };
});
