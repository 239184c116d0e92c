'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signOutEverywhere, updateOwnProfile } from '@/db/queries/users';
import { userFormAction } from '@/lib/actions';
import { requestAccountDeletion } from '@/lib/services/privacy';
import { profileSchema } from '@/lib/validation/account';

export const updateProfileAction = userFormAction(profileSchema, async (data, user, values) => {
  await updateOwnProfile(getDb(), user, data);
  revalidatePath('/profile');
  return { status: 'ok', message: 'Profile saved.', values };
});

export const signOutEverywhereAction = userFormAction(z.object({}), async (_data, user) => {
  await signOutEverywhere(getDb(), user);
  redirect('/sign-in');
});

/** "Delete my account": confirmed by typing the account's address; every session ends and the grace period starts. */
export const requestDeletionAction = userFormAction(z.object({ email: z.string().trim().min(1, 'Type your e-mail address to confirm.').max(320) }), async (data, user) => {
  const result = await requestAccountDeletion(getDb(), user, data.email);
  if (result.status === 'last-admin') return { status: 'error', message: 'You are the only admin: make someone else an admin first, then delete your account.' };
  if (result.status === 'mismatch') return { status: 'invalid', message: 'That is not the address of this account.', fieldErrors: { email: 'Type the address shown above, exactly.' } };
  redirect(`/account/deletion-requested?on=${result.erasureOn.toISOString().slice(0, 10)}`);
});
