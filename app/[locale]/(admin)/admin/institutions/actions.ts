'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createInstitution, mergeInstitutions } from '@/db/queries/institutions';
import { userFormAction } from '@/lib/actions';
import { institutionSchema, mergeSchema } from '@/lib/validation/institution';
import type { FormState } from '@/components/forms/form-state';
import { institutionPaths } from '@/components/institutions/paths';

export const createInstitutionAction = userFormAction(institutionSchema, async (data, user): Promise<FormState> => {
  const created = await createInstitution(getDb(), user, data);
  revalidatePath(institutionPaths.admin);
  redirect(institutionPaths.staff(created.id));
});

export const mergeInstitutionsAction = userFormAction(mergeSchema, async (data, user): Promise<FormState> => {
  await mergeInstitutions(getDb(), user, data.fromId, data.intoId);
  revalidatePath(institutionPaths.admin);
  return { status: 'ok', message: 'Merged: its cohorts, staff and certificates now belong to the institution kept.' };
});
