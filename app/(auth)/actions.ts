'use server';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createUser } from '@/db/queries/users';
import { signIn, signOut } from '@/lib/auth';
import { hashPassword } from '@/lib/auth/password';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { formAction } from '@/lib/actions';
import { signInSchema, signUpSchema } from '@/lib/validation/account';
import type { FormState } from '@/components/forms/form-state';

const next = { next: z.string().max(500).optional() };

async function signInOrExplain(email: string, password: string, redirectTo: string): Promise<FormState> {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === 'rate_limited') {
        return { status: 'error', message: 'Too many failed sign-in attempts. Wait 15 minutes and try again.' };
      }
      // One answer for a wrong email and a wrong password: the form never tells which accounts exist.
      return { status: 'error', message: 'That email and password do not match an account.' };
    }
    throw error;
  }
  return { status: 'ok', message: 'Signed in.' };
}

export const signInAction = formAction(signInSchema.extend(next), async (data, values) => {
  const state = await signInOrExplain(data.email, data.password, safeNext(data.next, '/profile'));
  return { ...state, values };
});

export const signUpAction = formAction(signUpSchema.extend(next), async (data, values) => {
  const created = await createUser(getDb(), {
    name: data.name,
    email: data.email,
    passwordHash: await hashPassword(data.password),
    profession: data.profession,
    institution: data.institution,
    registrationNumber: data.registrationNumber,
  });
  if (!created) {
    return {
      status: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: { email: 'An account with this email already exists. Sign in instead.' },
      values,
    };
  }
  return signInOrExplain(data.email, data.password, safeNext(data.next, '/profile'));
});

/** Signs out: the server-side session row is deleted, so the old cookie no longer works anywhere. */
export async function signOutAction(): Promise<void> {
  if (await getCurrentUser()) await signOut({ redirectTo: '/' });
}
