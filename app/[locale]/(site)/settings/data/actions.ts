'use server';
import { serverEnv } from '@/lib/env';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { appLocaleOf, localizePath } from '@/i18n/routing';

/** Remembers low-data mode on this device for a year (a cookie, so it works without scripts and before sign-in). */
export async function setLowDataAction(formData: FormData): Promise<void> {
  // Anything but a form saying 1 (including arguments no form sends) turns it off.
  const on = formData instanceof FormData && formData.get('lowdata') === '1';
  const jar = await cookies();
  if (on) jar.set('lowdata', '1', { maxAge: 365 * 86_400, sameSite: 'lax', path: '/', httpOnly: false, secure: serverEnv().publicUrl.startsWith('https://') });
  else jar.delete('lowdata');
  redirect(`/settings/data?saved=${on ? 'on' : 'off'}`);
}

/** The opt-in Nastaliq font for Urdu pages, remembered on this device (read by the layout's font script). */
export async function setUrduFontAction(formData: FormData): Promise<void> {
  // Anything but a form saying nastaliq (including arguments no form sends) goes back to the system font.
  const nastaliq = formData instanceof FormData && formData.get('font') === 'nastaliq';
  const jar = await cookies();
  if (nastaliq) jar.set('urdufont', 'nastaliq', { maxAge: 365 * 86_400, sameSite: 'lax', path: '/', httpOnly: false, secure: serverEnv().publicUrl.startsWith('https://') });
  else jar.delete('urdufont');
  redirect(localizePath(`/settings/data?font=${nastaliq ? 'nastaliq' : 'system'}`, appLocaleOf(await getLocale())));
}
