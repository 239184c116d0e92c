'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { revokeCertificate } from '@/db/queries/certificates';
import { userFormAction } from '@/lib/actions';

const revokeSchema = z.object({
  code: z.string().regex(/^[a-z2-9]{16}$/, 'Unknown certificate.'),
  reason: z.string().trim().min(5, 'Give a reason of at least 5 characters (it is kept in the audit log).').max(500),
});

export const revokeAction = userFormAction(revokeSchema, async (data, actor) => {
  await revokeCertificate(getDb(), actor, data.code, data.reason, new Date());
  revalidatePath('/admin/certificates');
  return { status: 'ok', message: 'Certificate revoked. Its verification page now says so.' };
});
