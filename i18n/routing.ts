// The locales the interface speaks. English keeps its prefix-less URLs (`/modules`); every other
// locale lives under its own prefix (`/ur/modules`). The proxy (proxy.ts) rewrites the English
// URLs to app/[locale] internally and remembers a person's choice in the `locale` cookie itself, so
// next-intl's own detection and cookie are off: one place decides where a visitor lands.
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['en', 'ur'],
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
  // No `Link: <…>; rel="alternate"` header on every response: it repeats the address three times,
  // so a very long address made the headers too large for clients to read (the fuzz suite found it).
  alternateLinks: false,
});

export type AppLocale = (typeof routing.locales)[number];

/** The cookie that remembers a device's language (set by the language switch and at sign-in). */
export const localeCookie = 'locale';

/**
 * The language tag next-intl formats and plurals with, per URL locale: British English dates
 * ("26 Nov 2026", as the site always wrote them) and Pakistani Urdu, whose ICU default is Western
 * digits (README "Languages"). `getLocale()` returns these; `appLocaleOf` maps them back.
 */
export const formattingLocale = { en: 'en-GB', ur: 'ur-PK' } as const satisfies Record<AppLocale, string>;

/** `ur-PK` → `ur`, `en-GB` → `en`; anything else → English. */
export function appLocaleOf(tag: string): AppLocale {
  return tag === 'ur' || tag.startsWith('ur-') ? 'ur' : 'en';
}

/** Right-to-left locales: the document gets `dir="rtl"`. */
export function directionOf(locale: AppLocale): 'ltr' | 'rtl' {
  return locale === 'ur' ? 'rtl' : 'ltr';
}

export function isAppLocale(value: unknown): value is AppLocale {
  return routing.locales.some((l) => l === value);
}

/** `/modules` in `ur` → `/ur/modules`; `/ur/modules` in `en` → `/modules`. Query strings are kept. */
export function localizePath(path: string, locale: AppLocale): string {
  const bare = stripLocale(path);
  if (locale === routing.defaultLocale) return bare;
  return bare === '/' ? `/${locale}` : `/${locale}${bare}`;
}

/** `/ur/modules?x=1` → `/modules?x=1`; `/ur` → `/`. */
export function stripLocale(path: string): string {
  const match = /^\/(en|ur)(?=\/|\?|$)/.exec(path);
  if (!match) return path.startsWith('/') ? path : `/${path}`;
  const rest = path.slice(match[0].length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/** The locale a path is written in (`/ur/...` → `ur`, anything else → `en`). */
export function localeOfPath(path: string): AppLocale {
  return /^\/ur(?=\/|\?|$)/.test(path) ? 'ur' : 'en';
}
