'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { slugSchema } from '@/lib/content/schemas/common';
import { PATIENT_LINES_COOKIE, parsePatientLines } from '@/lib/domain/language/patient-lines';
import { serverEnv } from '@/lib/env';
import { casePaths, findCase } from './cases';

/**
 * Remembers on this device how the patient's words are shown in the consult room (English, Urdu or
 * both), then goes back to the room: a cookie, so the choice works without scripts and on every case.
 */
export async function setPatientLinesAction(formData: FormData): Promise<void> {
  const form = formData instanceof FormData ? formData : new FormData();
  const mode = parsePatientLines(String(form.get('lines') ?? ''));
  const jar = await cookies();
  jar.set(PATIENT_LINES_COOKIE, mode, { maxAge: 365 * 86_400, sameSite: 'lax', path: '/', httpOnly: false, secure: serverEnv().publicUrl.startsWith('https://') });
  // Back to the room of a case that exists (never an address built from whatever was sent), else the library.
  const caseId = slugSchema.max(120).safeParse(form.get('caseId'));
  const found = caseId.success ? await findCase(caseId.data) : undefined;
  redirect(found ? casePaths.room(found.def.id) : casePaths.library);
}
