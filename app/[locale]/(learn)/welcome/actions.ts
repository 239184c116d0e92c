'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { setOwnProfession } from '@/db/queries/users';
import { userFormAction } from '@/lib/actions';
import { programmeChoiceSchema } from '@/lib/validation/account';

/** The welcome's first step: the programme (by profession) the new account follows. */
export const chooseProgrammeAction = userFormAction(programmeChoiceSchema, async (data, user) => {
  await setOwnProfession(getDb(), user, data.profession);
  revalidatePath('/welcome');
  return { status: 'ok', message: data.profession === 'doctor' ? 'Saved: you follow the programme for practising doctors.' : 'Saved: you follow the programme for medical students.' };
});
