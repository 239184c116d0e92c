'use server';
import { createHash } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { type AppointResult, appointStaff, removeStaff, setInstitutionLogo, updateInstitution } from '@/db/queries/institutions';
import { failureState, userFormAction } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { appointSchema, institutionSettingsSchema, logoProblem, logoType, staffRefSchema } from '@/lib/validation/institution';
import type { FormState } from '@/components/forms/form-state';
import { institutionPaths } from '@/components/institutions/paths';

const appointMessages: Record<AppointResult, FormState> = {
  appointed: { status: 'ok', message: 'Appointed. They see the institution the next time they open a page.' },
  changed: { status: 'ok', message: 'Role changed.' },
  'no-account': { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { email: 'No account uses this address. Ask them to create one first, then appoint them.' } },
  'last-admin': { status: 'error', message: 'You are the last administrator of this institution: appoint another before changing your own role.' },
};

export const appointStaffAction = userFormAction(appointSchema, async (data, user, values): Promise<FormState> => {
  const result = await appointStaff(getDb(), user, data.institutionId, data.email, data.role);
  revalidatePath(institutionPaths.staff(data.institutionId));
  return { ...appointMessages[result], values: result === 'no-account' ? values : undefined };
});

export const removeStaffAction = userFormAction(staffRefSchema, async (data, user): Promise<FormState> => {
  const result = await removeStaff(getDb(), user, data.institutionId, data.userId);
  revalidatePath(institutionPaths.staff(data.institutionId));
  if (result === 'last-admin') return { status: 'error', message: 'The last administrator cannot be removed: appoint another first.' };
  return result === 'removed' ? { status: 'ok', message: 'Removed from the staff.' } : { status: 'error', message: 'They are no longer on the staff.' };
});

export const updateInstitutionAction = userFormAction(institutionSettingsSchema, async ({ institutionId, ...settings }, user, values): Promise<FormState> => {
  await updateInstitution(getDb(), user, institutionId, settings);
  revalidatePath(institutionPaths.overview(institutionId));
  return { status: 'ok', message: 'Saved. Certificates issued from now on carry these details; those issued before keep theirs.', values };
});

const logoForm = z.object({ institutionId: z.uuid({ error: 'That institution is not valid.' }), remove: z.literal('yes').optional() });

/** Uploads (or removes) the logo: a PNG or JPEG of at most 100 kB, checked by its bytes. */
export async function logoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { status: 'error', message: 'That was not a form this page sends. Reload the page and try again.' };
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    const parsed = logoForm.safeParse({ institutionId: formData.get('institutionId'), remove: formData.get('remove') ?? undefined });
    if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'That form is not valid.' };
    const { institutionId, remove } = parsed.data;
    if (remove) {
      await setInstitutionLogo(getDb(), user, institutionId, null);
      revalidatePath(institutionPaths.settings(institutionId));
      return { status: 'ok', message: 'Logo removed.' };
    }
    const file = formData.get('logo');
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const problem = logoProblem(bytes);
    if (problem) return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: { logo: problem } };
    const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    await setInstitutionLogo(getDb(), user, institutionId, { bytes, type: logoType(bytes)!, version });
    revalidatePath(institutionPaths.settings(institutionId));
    return { status: 'ok', message: 'Logo saved.' };
  } catch (error) {
    return failureState(error);
  }
}
