import 'server-only';
import { cookies } from 'next/headers';
import type { Db } from '@/db/client';
import { findUserForSignIn, setOwnLocale } from '@/db/queries/users';
import { serverEnv } from '@/lib/env';
import { type AppLocale, isAppLocale, localeCookie } from '@/i18n/routing';

const year = 365 * 86_400;

/** Remembers the language on this device (the cookie the proxy reads to open pages in it). */
export async function rememberOnDevice(locale: AppLocale): Promise<void> {
  const jar = await cookies();
  jar.set(localeCookie, locale, { maxAge: year, sameSite: 'lax', path: '/', httpOnly: true, secure: serverEnv().publicUrl.startsWith('https://') });
}

/** The language switch: this device always, and the account too when someone is signed in. */
export async function chooseLocale(db: Db, user: { id: string } | null, locale: AppLocale): Promise<void> {
  await rememberOnDevice(locale);
  if (user) await setOwnLocale(db, user, locale);
}

/**
 * After a successful sign-in: the account's language (chosen on any device) wins and is remembered
 * here too; an account that never chose keeps this device's choice. Returns the language to land in.
 */
export async function applyAccountLocale(db: Db, email: string): Promise<AppLocale | null> {
  const account = await findUserForSignIn(db, email);
  const chosen = account?.locale;
  if (isAppLocale(chosen)) {
    await rememberOnDevice(chosen);
    return chosen;
  }
  const device = (await cookies()).get(localeCookie)?.value;
  return isAppLocale(device) ? device : null;
}
