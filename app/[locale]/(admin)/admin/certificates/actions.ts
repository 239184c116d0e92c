'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { certificateCodeSchema } from '@/lib/validation/certificate';
import { textField } from '@/lib/validation/text';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { formatDay } from '@/lib/certification/view';
import { setCertificateStatus } from '@/lib/services/certificate-status';
import type { FormState } from '@/components/forms/form-state';

const statusSchema = z.object({
  code: certificateCodeSchema,
  reason: textField({ label: 'The reason', min: 5, max: 500, multiline: true, required: 'Give a reason of at least 5 characters (it is kept in the audit log).' }),
});

export const revokeAction = userFormAction(statusSchema, async (data, actor): Promise<FormState> => {
  const change = await setCertificateStatus(getDb(), actor, data.code, 'revoked', data.reason);
  revalidatePath('/admin/certificates');
  if (change.status === 'unchanged') {
    return { status: 'error', message: `This certificate was already revoked${change.since ? ` on ${formatDay(change.since)}` : ''} (“${change.reason ?? ''}”). Nothing was changed.` };
  }
  return { status: 'ok', message: 'Certificate revoked. Its verification page now says so, and no new certificate of this programme is issued to the holder until it is reinstated.' };
});

export const reinstateAction = userFormAction(statusSchema, async (data, actor): Promise<FormState> => {
  const change = await setCertificateStatus(getDb(), actor, data.code, 'reinstated', data.reason);
  revalidatePath('/admin/certificates');
  if (change.status === 'unchanged') return { status: 'error', message: 'This certificate is not revoked. Nothing was changed.' };
  return { status: 'ok', message: 'Certificate reinstated: it is valid again until its expiry date.' };
});
