'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { serverEnv } from '@/lib/env';
import { saveLrs, sendTestStatement } from '@/lib/services/xapi/settings';
import { lrsRefSchema, lrsSchema } from '@/lib/validation/lrs';
import type { FormState } from '@/components/forms/form-state';
import { institutionPaths } from '@/components/institutions/paths';

const saveAction = (allowLoopbackHttp: boolean) =>
  userFormAction(lrsSchema(allowLoopbackHttp), async ({ institutionId, ...form }, user, values): Promise<FormState> => {
    await saveLrs(getDb(), user, institutionId, form);
    revalidatePath(institutionPaths.lrs(institutionId));
    const note = form.enabled ? 'Learning records from now on are sent to it.' : 'Sending is paused; records wait until it is enabled again.';
    return { status: 'ok', message: `Saved. ${note}`, values };
  });

/** Saves the institution's LRS settings (its admins); the secret is kept unless a new one is entered. */
export async function saveLrsAction(previous: FormState, formData: FormData): Promise<FormState> {
  return saveAction(!serverEnv().isProductionDeployment)(previous, formData);
}

/** Sends one test statement and says what the LRS answered. */
export const testLrsAction = userFormAction(lrsRefSchema, async ({ institutionId }, user): Promise<FormState> => {
  const result = await sendTestStatement(getDb(), user, institutionId);
  return { status: result.ok ? 'ok' : 'error', message: result.message };
});

