'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { answer, joinByCode, leave } from '@/lib/services/cohorts';
import { cohortRefSchema, invitationAnswerSchema, joinSchema } from '@/lib/validation/cohort';
import type { FormState } from '@/components/forms/form-state';
import { isStaff } from '@/lib/domain/roles';

const joinMessages = {
  'unknown-code': 'No cohort has that code. Check it with your instructor (letters and digits only; dashes and spaces do not matter).',
  closed: 'That cohort is closed to new members. Ask your instructor.',
  throttled: 'Too many wrong codes. Wait an hour and try again, or ask your instructor for the join link.',
} as const;

export const joinCohortAction = userFormAction(joinSchema, async (data, user): Promise<FormState> => {
  if (isStaff(user.role)) return { status: 'error', message: 'Staff accounts do not join cohorts; they run them from Teaching › Cohorts.' };
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

const answerMessages = {
  invalid: 'This invitation link is not valid. Ask your instructor to send it again.',
  closed: 'That cohort is closed to new members.',
  answered: 'This invitation has already been answered.',
  revoked: 'Your instructor withdrew this invitation.',
  expired: 'This invitation has expired. Ask your instructor to send it again.',
  'other-account': 'This invitation was sent to another e-mail address than the one you are signed in with. Sign out, then sign in (or create an account) with the invited address.',
  unverified: 'Confirm your e-mail address first (we sent you a link; your profile can send another), then accept.',
} as const;

/** The invited learner accepts or declines, from the e-mail's link (token) or from the notice on their pages (id). */
export const answerInvitationAction = userFormAction(invitationAnswerSchema, async (data, user): Promise<FormState> => {
  const ref = data.token ? { token: data.token } : data.id ? { id: data.id } : null;
  if (!ref) return { status: 'error', message: answerMessages.invalid };
  const result = await answer(getDb(), user, ref, data.answer);
  if (result.status === 'joined') {
    revalidatePath('/cohorts');
    redirect(`/cohorts?joined=${result.cohortId}`);
  }
  if (result.status === 'declined') {
    revalidatePath('/cohorts');
    return { status: 'ok', message: 'You declined the invitation. The instructor sees that you did, and nothing of your work.' };
  }
  return { status: 'error', message: answerMessages[result.status === 'refused' ? result.reason : result.status] };
});
