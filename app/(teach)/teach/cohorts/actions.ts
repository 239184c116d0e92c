'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { closeCohort, createCohort } from '@/db/queries/cohorts';
import { failureState, userFormAction } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import type { RosterError } from '@/lib/domain/cohorts';
import { absoluteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { importCohortRoster, remove } from '@/lib/services/cohorts';
import { cohortRefSchema, createCohortSchema, memberRefSchema } from '@/lib/validation/cohort';
import type { FormState } from '@/components/forms/form-state';
import { ZodError } from 'zod';
import { cohortPaths } from '@/components/cohorts/paths';

export const createCohortAction = userFormAction(createCohortSchema, async (data, user): Promise<FormState> => {
  const { programmes } = await getCatalog();
  if (!programmes.some((p) => p.def.id === data.programmeId)) return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { programmeId: 'Choose a programme from the list.' } };
  const cohort = await createCohort(getDb(), user, data);
  revalidatePath(cohortPaths.list);
  redirect(cohortPaths.members(cohort.id));
});

export const removeMemberAction = userFormAction(memberRefSchema, async (data, user): Promise<FormState> => {
  const removed = await remove(getDb(), user, data.cohortId, data.userId);
  revalidatePath(cohortPaths.members(data.cohortId));
  return removed ? { status: 'ok', message: 'Removed from the cohort.' } : { status: 'error', message: 'That learner is no longer a member.' };
});

export const closeCohortAction = userFormAction(cohortRefSchema, async (data, user): Promise<FormState> => {
  await closeCohort(getDb(), user, data.cohortId);
  revalidatePath(cohortPaths.members(data.cohortId));
  return { status: 'ok', message: 'The cohort is closed: nobody new can join. Current members stay.' };
});

export type RosterState =
  | { status: 'idle' | 'error'; message?: string }
  | { status: 'invalid'; message: string; errors: RosterError[] }
  | { status: 'ok'; message: string; invitations: { email: string; link: string }[] };

const maxRosterBytes = 1_000_000;

/** Roster import: pasted text or an uploaded .csv file; all rows valid or nothing is imported. */
export async function importRosterAction(_previous: RosterState, formData: FormData): Promise<RosterState> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    const { cohortId } = cohortRefSchema.parse({ cohortId: formData.get('cohortId') });
    const file = formData.get('file');
    const pasted = formData.get('roster');
    let text = typeof pasted === 'string' ? pasted : '';
    if (file instanceof File && file.size > 0) {
      if (file.size > maxRosterBytes) return { status: 'error', message: 'That file is over 1 MB. Split the roster into smaller files.' };
      text = await file.text();
    }
    if (text.trim() === '') return { status: 'error', message: 'Choose a CSV file or paste the emails, one per line.' };
    const result = await importCohortRoster(getDb(), user, cohortId, text);
    if (!result.ok) return { status: 'invalid', message: `Nothing was imported: ${result.errors.length} row${result.errors.length === 1 ? ' needs' : 's need'} fixing.`, errors: result.errors };
    revalidatePath(cohortPaths.members(cohortId));
    const invitations = result.invitations.map((i) => ({ email: i.email, link: absoluteUrl(`/cohorts/invitations/${i.token}`) }));
    const parts = [`${result.added} added`, `${result.alreadyMembers} already members`, `${invitations.length} without an account: send each the invitation link below`];
    return { status: 'ok', message: `Imported: ${parts.join(', ')}.`, invitations };
  } catch (error) {
    if (error instanceof ZodError) return { status: 'error', message: 'That cohort is not valid.' };
    const state = failureState(error);
    return { status: 'error', message: state.message };
  }
}
