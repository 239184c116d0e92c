'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerPlatform, removePlatform, setPlatformFraming } from '@/db/queries/lti-platforms';
import { approvePlatform, rejectPlatform } from '@/db/queries/lti-registration';
import { userFormAction } from '@/lib/actions';
import { getCatalog } from '@/lib/content';
import { absoluteUrl } from '@/lib/env';
import { newRegistrationLink, registrationLinkHours } from '@/lib/services/lti-registration';
import { framingSchema, platformSchema } from '@/lib/validation/lti';
import { approvePlatformSchema, registrationLinkSchema, rejectPlatformSchema } from '@/lib/validation/lti-registration';
import type { FormState } from '@/components/forms/form-state';
import { institutionPaths } from '@/components/institutions/paths';

export const registerPlatformAction = userFormAction(platformSchema, async ({ institutionId, ...input }, user, values): Promise<FormState> => {
  const { programmes } = await getCatalog();
  if (!programmes.some((p) => p.def.id === input.programmeId)) return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { programmeId: 'Choose a programme.' }, values };
  await registerPlatform(getDb(), user, institutionId, input);
  revalidatePath(institutionPaths.lms(institutionId));
  return { status: 'ok', message: 'Registered. Launches from this platform are accepted from now on.' };
});

const removeSchema = z.object({ institutionId: z.uuid(), platformId: z.uuid() });

export const removePlatformAction = userFormAction(removeSchema, async ({ institutionId, platformId }, user): Promise<FormState> => {
  const removed = await removePlatform(getDb(), user, institutionId, platformId);
  revalidatePath(institutionPaths.lms(institutionId));
  return removed ? { status: 'ok', message: 'Removed. Its launches are refused from now on.' } : { status: 'error', message: 'That platform was already removed.' };
});

/** Makes a single-use registration link (LTI Dynamic Registration) for the institution's LMS; its address comes back as `values.link`. */
export const createRegistrationLinkAction = userFormAction(registrationLinkSchema, async ({ institutionId, programmeId }, user): Promise<FormState> => {
  const { programmes } = await getCatalog();
  if (!programmes.some((p) => p.def.id === programmeId)) return { status: 'error', message: 'Choose a programme from the list.' };
  const { path } = await newRegistrationLink(getDb(), user, institutionId, programmeId);
  return { status: 'ok', message: `Registration link made. Paste it into your LMS within ${registrationLinkHours} hours; it works once.`, values: { link: absoluteUrl(path) } };
});

/** Approves a platform that registered itself: its launches are accepted from now on. */
export const approvePlatformAction = userFormAction(approvePlatformSchema, async ({ institutionId, platformId, deploymentIds }, user): Promise<FormState> => {
  const approved = await approvePlatform(getDb(), user, institutionId, platformId, deploymentIds);
  revalidatePath(institutionPaths.lms(institutionId));
  return approved ? { status: 'ok', message: 'Approved. Launches from this platform are accepted from now on.' } : { status: 'error', message: 'That platform is no longer waiting for approval.' };
});

/** Rejects (removes) a platform that registered itself. */
export const rejectPlatformAction = userFormAction(rejectPlatformSchema, async ({ institutionId, platformId }, user): Promise<FormState> => {
  const rejected = await rejectPlatform(getDb(), user, institutionId, platformId);
  revalidatePath(institutionPaths.lms(institutionId));
  return rejected ? { status: 'ok', message: 'Rejected and removed.' } : { status: 'error', message: 'That platform is no longer waiting for approval.' };
});

/** Embedded mode: the LMS page origins that may frame this platform's launches (empty: a new window). */
export const setFramingAction = userFormAction(framingSchema, async ({ institutionId, platformId, frameOrigins }, user): Promise<FormState> => {
  const saved = await setPlatformFraming(getDb(), user, institutionId, platformId, frameOrigins);
  revalidatePath(institutionPaths.lms(institutionId));
  if (!saved) return { status: 'error', message: 'That platform was removed.' };
  return { status: 'ok', message: frameOrigins.length ? `Saved. Launches open inside the LMS page at ${frameOrigins.join(', ')}.` : 'Saved. Launches open in a new window.' };
});
