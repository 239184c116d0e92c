'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { type AddCoTeacher, addCoTeacher, removeCoTeacher } from '@/db/queries/cohort-staff';
import { userFormAction } from '@/lib/actions';
import { coTeacherRefSchema, coTeacherSchema } from '@/lib/validation/institution';
import type { FormState } from '@/components/forms/form-state';
import { cohortPaths } from '@/components/cohorts/paths';

const fieldError = (email: string): FormState => ({ status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { email } });
const addMessages: Record<AddCoTeacher, FormState> = {
  added: { status: 'ok', message: 'Added: they now see this cohort and its dashboard, and can manage it with you.' },
  already: { status: 'ok', message: 'They already teach this cohort.' },
  'no-account': fieldError('No account uses this address.'),
  'not-staff': fieldError('They are not an instructor at this cohort’s institution. An administrator of the institution appoints them first.'),
};

export const addCoTeacherAction = userFormAction(coTeacherSchema, async (data, user, values): Promise<FormState> => {
  const result = await addCoTeacher(getDb(), user, data.cohortId, data.email);
  revalidatePath(cohortPaths.members(data.cohortId));
  return { ...addMessages[result], values: result === 'added' || result === 'already' ? undefined : values };
});

export const removeCoTeacherAction = userFormAction(coTeacherRefSchema, async (data, user): Promise<FormState> => {
  const removed = await removeCoTeacher(getDb(), user, data.cohortId, data.userId);
  revalidatePath(cohortPaths.members(data.cohortId));
  return removed ? { status: 'ok', message: 'Removed from the cohort’s teachers.' } : { status: 'error', message: 'They no longer co-teach this cohort.' };
});
