'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerPlatform, removePlatform } from '@/db/queries/lti-platforms';
import { userFormAction } from '@/lib/actions';
import { getCatalog } from '@/lib/content';
import { platformSchema } from '@/lib/validation/lti';
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
