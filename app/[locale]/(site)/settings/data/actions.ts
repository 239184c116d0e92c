'use server';
import { serverEnv } from '@/lib/env';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

/** Remembers low-data mode on this device for a year (a cookie, so it works without scripts and before sign-in). */
export async function setLowDataAction(formData: FormData): Promise<void> {
  // Anything but a form saying 1 (including arguments no form sends) turns it off.
  const on = formData instanceof FormData && formData.get('lowdata') === '1';
  const jar = await cookies();
  if (on) jar.set('lowdata', '1', { maxAge: 365 * 86_400, sameSite: 'lax', path: '/', httpOnly: false, secure: serverEnv().publicUrl.startsWith('https://') });
  else jar.delete('lowdata');
  redirect(`/settings/data?saved=${on ? 'on' : 'off'}`);
}
