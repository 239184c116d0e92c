'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { closeCohort, createCohort } from '@/db/queries/cohorts';
import { failureState, userFormAction } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import type { RosterError } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import { type InviteOutcome, importRoster, inviteLearners, remove, resendInvitation, withdrawInvitation } from '@/lib/services/cohorts';
import { cohortRefSchema, createCohortSchema, invitationRefSchema, inviteOneSchema, memberRefSchema } from '@/lib/validation/cohort';
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
  | { status: 'ok'; message: string };

const maxRosterBytes = 1_000_000;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an invitation run did, in one sentence. */
function invitedMessage(r: InviteOutcome): string {
  const parts = [
    `${plural(r.invited.length, 'invitation', 'invitations')} sent by e-mail`,
    r.alreadyInvited.length ? `${plural(r.alreadyInvited.length, 'address already has an open invitation', 'addresses already have an open invitation')} (resend it below)` : '',
    r.alreadyMembers.length ? `${plural(r.alreadyMembers.length, 'member', 'members')} already in the cohort` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}. Nobody joins until they accept.`;
}

/** Roster import: pasted text or an uploaded .csv file; all rows valid or nothing is sent. Everyone named gets an invitation by e-mail. */
export async function importRosterAction(_previous: RosterState, formData: FormData): Promise<RosterState> {
  if (!(formData instanceof FormData)) return { status: 'error', message: 'That was not a form this page sends. Reload the page and try again.' };
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
    const result = await importRoster(getDb(), user, cohortId, text);
    if (!result.ok) return { status: 'invalid', message: `Nothing was sent: ${result.errors.length} row${result.errors.length === 1 ? ' needs' : 's need'} fixing.`, errors: result.errors };
    revalidatePath(cohortPaths.members(cohortId));
    return { status: 'ok', message: invitedMessage(result) };
  } catch (error) {
    if (error instanceof ZodError) return { status: 'error', message: 'That cohort is not valid.' };
    const state = failureState(error);
    return { status: 'error', message: state.message };
  }
}

/** Invites one address (with an optional student ID). */
export const inviteOneAction = userFormAction(inviteOneSchema, async (data, user, values): Promise<FormState> => {
  const result = await inviteLearners(getDb(), user, data.cohortId, [{ email: data.email, studentId: data.studentId }]);
  revalidatePath(cohortPaths.members(data.cohortId));
  if (result.invited.length === 0) return { status: 'error', message: result.alreadyMembers.length ? `${data.email} is already a member.` : `${data.email} already has an open invitation: resend it from the list.`, values };
  return { status: 'ok', message: `Invitation sent to ${data.email}.` };
});

/** Sends an invitation again, with a new link (the old one stops working) and a new expiry. */
export const resendInvitationAction = userFormAction(invitationRefSchema, async (data, user): Promise<FormState> => {
  const result = await resendInvitation(getDb(), user, data.invitationId);
  revalidatePath('/teach/cohorts');
  return result === 'sent' ? { status: 'ok', message: 'Sent again, with a new link.' } : { status: 'error', message: 'That invitation has been answered or withdrawn.' };
});

/** Withdraws an invitation: its link stops working. */
export const revokeInvitationAction = userFormAction(invitationRefSchema, async (data, user): Promise<FormState> => {
  const revoked = await withdrawInvitation(getDb(), user, data.invitationId);
  revalidatePath('/teach/cohorts');
  return revoked ? { status: 'ok', message: 'Invitation withdrawn.' } : { status: 'error', message: 'That invitation was no longer open.' };
});
