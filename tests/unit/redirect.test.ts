import { describe, expect, test } from 'vitest';
import { safeNext } from '@/lib/validation/redirect';

describe('safeNext', () => {
  test.each([
    ['a path', '/consults/chest-pain-lagging-video', '/consults/chest-pain-lagging-video'],
    ['a path with a query and a fragment', '/quizzes/foundations?view=all#q-3', '/quizzes/foundations?view=all#q-3'],
    ['an encoded path segment', '/cohorts/join/KQ7MX%203PATR', '/cohorts/join/KQ7MX%203PATR'],
  ])('keeps %s', (_name, next, expected) => {
    expect(safeNext(next, '/fallback')).toBe(expected);
  });

  test.each([
    ['an encoded tab before a second slash (the reproduced open redirect)', '/%09/evil.example'],
    ['a raw tab', '/\t/evil.example'],
    ['CR and LF', '/profile\r\nLocation: https://evil.example'],
    ['encoded CR/LF', '/profile%0d%0aSet-Cookie:x=1'],
    ['a protocol-relative URL', '//evil.example'],
    ['an encoded second slash', '/%2Fevil.example'],
    ['a backslash', '/\\evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an absolute URL', 'https://evil.example/profile'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path without a slash', 'profile'],
    ['a NUL byte', '/profile%00'],
    ['malformed percent-encoding', '/profile%E0%A4%A'],
    ['nothing', ''],
    ['not a string', ['/a', '/b']],
    ['a very long value', `/${'a'.repeat(1200)}`],
  ])('refuses %s', (_name, next) => {
    expect(safeNext(next, '/fallback')).toBe('/fallback');
  });
});
