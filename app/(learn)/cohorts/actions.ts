'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { joinByCode, joinByInvitation, leave } from '@/lib/services/cohorts';
import { cohortRefSchema, invitationSchema, joinSchema } from '@/lib/validation/cohort';
import type { FormState } from '@/components/forms/form-state';

const joinMessages = {
  'unknown-code': 'No cohort has that code. Check it with your instructor (letters and digits only; dashes and spaces do not matter).',
  closed: 'That cohort is closed to new members. Ask your instructor.',
  throttled: 'Too many wrong codes. Wait an hour and try again, or ask your instructor for the join link.',
} as const;

export const joinCohortAction = userFormAction(joinSchema, async (data, user): Promise<FormState> => {
  if (user.role !== 'learner') return { status: 'error', message: 'Staff accounts do not join cohorts; they run them from Teaching › Cohorts.' };
  const result = await joinByCode(getDb(), user, data.code);
  if (result.status === 'joined' || result.status === 'already-member') {
    revalidatePath('/cohorts');
    redirect(`/cohorts?joined=${result.cohortId}`);
  }
  return { status: 'error', message: joinMessages[result.status], values: { code: data.code } };
});

export const leaveCohortAction = userFormAction(cohortRefSchema, async (data, user): Promise<FormState> => {
  const left = await leave(getDb(), user, data.cohortId);
  if (!left) return { status: 'error', message: 'You are not in that cohort.' };
  revalidatePath('/cohorts');
  redirect('/cohorts?left=1');
});

export const acceptInvitationAction = userFormAction(invitationSchema, async (data, user): Promise<FormState> => {
  const result = await joinByInvitation(getDb(), user, data.token);
  if (result.status === 'joined' || result.status === 'already-member') {
    revalidatePath('/cohorts');
    redirect(`/cohorts?joined=${result.cohortId}`);
  }
  return { status: 'error', message: result.status === 'closed' ? 'That cohort is closed to new members.' : 'This invitation has been used or is not valid. Ask your instructor for the join code.' };
});
