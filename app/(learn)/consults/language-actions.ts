'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { slugSchema } from '@/lib/content/schemas/common';
import { PATIENT_LINES_COOKIE, parsePatientLines } from '@/lib/domain/language/patient-lines';
import { serverEnv } from '@/lib/env';
import { casePaths } from './cases';

/**
 * Remembers on this device how the patient's words are shown in the consult room (English, Urdu or
 * both), then goes back to the room: a cookie, so the choice works without scripts and on every case.
 */
export async function setPatientLinesAction(formData: FormData): Promise<void> {
  const form = formData instanceof FormData ? formData : new FormData();
  const mode = parsePatientLines(String(form.get('lines') ?? ''));
  const jar = await cookies();
  jar.set(PATIENT_LINES_COOKIE, mode, { maxAge: 365 * 86_400, sameSite: 'lax', path: '/', httpOnly: false, secure: serverEnv().publicUrl.startsWith('https://') });
  const caseId = slugSchema.safeParse(form.get('caseId'));
  redirect(caseId.success ? casePaths.room(caseId.data) : casePaths.library);
}
