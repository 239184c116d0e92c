'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signOutEverywhere, updateOwnProfile } from '@/db/queries/users';
import { userFormAction } from '@/lib/actions';
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
