// The language plumbing's pure parts: how a path is written in each locale, which formatting
// language each locale uses (and so which digits), and that the message files stay in step.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { namespaceId } from '@/lib/content/translation-items';
import { appLocaleOf, directionOf, formattingLocale, localeOfPath, localizePath, stripLocale } from '@/i18n/routing';

const messages = (file: string): Record<string, unknown> => JSON.parse(readFileSync(`messages/${file}`, 'utf8'));

/** Every key path of a message tree (`site.nav.modules`). */
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(Object.fromEntries(Object.entries(v)), `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('paths in each locale', () => {
  test.each([
    ['/modules', 'ur', '/ur/modules'],
    ['/', 'ur', '/ur'],
    ['/modules?domain=x', 'ur', '/ur/modules?domain=x'],
    ['/ur/modules', 'ur', '/ur/modules'],
    ['/ur/modules', 'en', '/modules'],
    ['/ur', 'en', '/'],
    ['/ur?x=1', 'en', '/?x=1'],
    ['/en/modules', 'en', '/modules'],
    // A path that only starts with the letters of a locale is not in that locale.
    ['/urgent-care', 'en', '/urgent-care'],
    ['/urgent-care', 'ur', '/ur/urgent-care'],
    ['/enrol', 'en', '/enrol'],
  ] as const)('%s in %s is %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
  });

  test('the locale a path is written in, and the path without it', () => {
    expect(localeOfPath('/ur/modules')).toBe('ur');
    expect(localeOfPath('/ur')).toBe('ur');
    expect(localeOfPath('/urgent-care')).toBe('en');
    expect(localeOfPath('/modules')).toBe('en');
    expect(stripLocale('/ur/modules/a/b')).toBe('/modules/a/b');
    expect(stripLocale('/urgent-care')).toBe('/urgent-care');
  });

  test('Urdu is written right to left, English left to right', () => {
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

describe('formatting', () => {
  test('Urdu formats with Western digits (the ICU default for ur-PK) and Urdu month names; English as British English', () => {
    const date = new Date(Date.UTC(2026, 11, 8, 6));
    const urdu = new Intl.DateTimeFormat(formattingLocale.ur, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Karachi' }).format(date);
    expect(urdu).toContain('دسمبر');
    expect(urdu).toMatch(/2026/);
    expect(urdu).not.toMatch(/[۰-۹]/);
    expect(new Intl.NumberFormat(formattingLocale.ur).format(1234.5)).toBe('1,234.5');
    expect(new Intl.DateTimeFormat(formattingLocale.en, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Karachi' }).format(date)).toBe('8 Dec 2026');
    expect(appLocaleOf(formattingLocale.ur)).toBe('ur');
    expect(appLocaleOf(formattingLocale.en)).toBe('en');
  });
});

describe('message files', () => {
  test('Urdu has every English key and no other', () => {
    expect(keys(messages('ur.json')).sort()).toEqual(keys(messages('en.json')).sort());
  });

  // Whether a namespace is reviewed lives only in the review record (a native speaker's sign-off of its
  // current version, README "Languages"); each namespace must therefore be its own review item.
  test('every Urdu namespace is its own translation review item (no two share an id)', () => {
    const names = Object.keys(messages('ur.json'));
    const ids = names.map(namespaceId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(namespaceId('notFound')).toBe('not-found');
  });
});
