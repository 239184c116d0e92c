'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { type StepOutcome, restartOwnConsult, startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import { userFormAction } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/session';
import { slugSchema } from '@/lib/content/schemas/common';
import { type RoomUpdate, consultRoom, learnerNoteSchema, roomUpdate } from '@/lib/domain/consult';
import { AppError } from '@/lib/errors';
import { pageAction } from '@/lib/http/respond';
import { calledByScript } from '@/lib/http/scripted';
import { finishConsult } from '@/lib/services/learning';
import { casePaths, findCase } from './cases';

const caseField = z.object({ caseId: slugSchema });
const attemptFields = caseField.extend({ attemptId: z.uuid() });
// The step the form was drawn at, in digits: an empty field once coerced to 0 and took the first step.
const stepFields = attemptFields.extend({ expectedStep: z.string().regex(/^\d{1,4}$/).transform(Number), choiceId: slugSchema.max(120) });

function fields(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
}

/** The signed-in user and the case a consult form names; signed out: to sign-in, coming back to `back`. */
async function userAndCase(caseId: string, back: (caseId: string) => string) {
  const [user, version] = await Promise.all([getCurrentUser(), findCase(caseId)]);
  if (!version) notFound();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(back(caseId))}`);
  return { user, version };
}

/** Start (or resume) the case, then into the room. */
export const startConsultAction = pageAction('consult start', async (formData: FormData): Promise<void> => {
  const parsed = caseField.safeParse(fields(formData));
  if (!parsed.success) throw new AppError('bad_request', 'start consult');
  const { user, version } = await userAndCase(parsed.data.caseId, casePaths.brief);
  await startOrResumeConsult(getDb(), user, version, new Date());
  redirect(casePaths.room(version.def.id));
});

/** "Start over": close the open attempt ungraded and begin again. */
export const restartConsultAction = pageAction('consult restart', async (formData: FormData): Promise<void> => {
  const parsed = attemptFields.safeParse(fields(formData));
  if (!parsed.success) throw new AppError('bad_request', 'restart consult');
  const { user, version } = await userAndCase(parsed.data.caseId, casePaths.brief);
  await restartOwnConsult(getDb(), user, parsed.data.attemptId, version, new Date());
  redirect(casePaths.room(version.def.id));
});

/**
 * Take one choice. A stale step (double click, second tab, replay) changes nothing; the answer shows
 * where the consult now is, and so does a choice no longer offered. The page's script gets only what
 * changed (roomUpdate: the new node, the transcript from its step on, the choices) and draws it; a
 * plain form post, or a consult that is no longer open here, goes to the room, which shows what is true.
 */
export const stepAction = pageAction('consult step', async (formData: FormData): Promise<RoomUpdate | undefined> => {
  const parsed = stepFields.safeParse(fields(formData));
  if (!parsed.success) throw new AppError('bad_request', 'consult step');
  const { caseId, attemptId, expectedStep, choiceId } = parsed.data;
  const { user, version } = await userAndCase(caseId, casePaths.room);
  let outcome: StepOutcome | null = null;
  try {
    outcome = await stepOwnConsult(getDb(), user, attemptId, expectedStep, choiceId, version, new Date());
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
  }
  if (outcome && outcome.attempt.finishedAt === null && (await calledByScript())) return roomUpdate(consultRoom(version.def, outcome.attempt.state), expectedStep);
  redirect(casePaths.room(caseId));
});

const noteFields = attemptFields.extend(learnerNoteSchema.shape);

/** Grade the ended consult with the learner's note, then the debrief. Field errors come back to the form. */
export const finishConsultAction = userFormAction(noteFields, async ({ caseId, attemptId, ...note }, user) => {
  const version = await findCase(caseId);
  if (!version) notFound();
  await finishConsult(getDb(), user, attemptId, note, version);
  redirect(casePaths.debrief(caseId, attemptId));
});
