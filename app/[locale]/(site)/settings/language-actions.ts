'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser, safeNext } from '@/lib/auth/session';
import { chooseLocale } from '@/lib/services/locale';
import { localizePath, routing } from '@/i18n/routing';

const schema = z.object({ locale: z.enum(routing.locales), path: z.string().max(500).optional() });

/**
 * The header's language switch (a plain form post): remembers the language on this device and on
 * the signed-in account, then opens the same page in that language. Anything else goes home in English.
 */
export async function switchLanguageAction(formData: FormData): Promise<void> {
  const parsed = schema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : {});
  if (!parsed.success) redirect('/');
  const { locale, path } = parsed.data;
  await chooseLocale(getDb(), await getCurrentUser(), locale);
  redirect(localizePath(safeNext(path, '/'), locale));
}
