'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { syncCohortRoster } from '@/lib/services/lti-advantage/nrps';
import { cohortRefSchema } from '@/lib/validation/cohort';
import type { FormState } from '@/components/forms/form-state';
import { cohortPaths } from '@/components/cohorts/paths';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Syncs the cohort's members from its LMS courses (NRPS): the button, and the page's own sync when the roster is stale. */
export const syncRosterAction = userFormAction(cohortRefSchema, async (data, user): Promise<FormState> => {
  const r = await syncCohortRoster(getDb(), user, data.cohortId);
  revalidatePath(cohortPaths.lms(data.cohortId));
  revalidatePath(cohortPaths.members(data.cohortId));
  if (r.courses === 0) return { status: 'error', message: 'No LMS course of this cohort offers its roster yet: it does once a learner or teacher has launched from the course.' };
  const parts = [
    `${plural(r.joined, 'learner joined', 'learners joined')}${r.created ? ` (${plural(r.created, 'new account', 'new accounts')})` : ''}`,
    `${plural(r.left, 'learner', 'learners')} marked as left`,
    r.waiting ? `${plural(r.waiting, 'learner has', 'learners have')} an account here under their LMS address and join${r.waiting === 1 ? 's' : ''} when they launch once and link it` : '',
  ].filter(Boolean);
  if (r.failed.length > 0) return { status: 'error', message: `The roster could not be read: ${r.failed.join('; ')}. Nothing was changed for that course.` };
  return { status: 'ok', message: `Roster synced: ${parts.join('; ')}.` };
});
