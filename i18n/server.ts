import 'server-only';
import { getLocale } from 'next-intl/server';
import { type AppLocale, appLocaleOf, localizePath } from './routing';

/**
 * The page's locale and a function that writes an app path in it (`/modules` → `/ur/modules` on an
 * Urdu page). Server components use it with next/link instead of next-intl's Link, which would ship
 * next-intl's client runtime to every page (the lesson byte budget has no room for it).
 */
export async function getLocalizer(): Promise<{ locale: AppLocale; href: (path: string) => string }> {
  const locale = appLocaleOf(await getLocale());
  return { locale, href: (path: string) => localizePath(path, locale) };
}
