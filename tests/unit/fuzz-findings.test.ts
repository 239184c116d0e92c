// Defects the input-fuzzing suite (tests/e2e/fuzz) found, each pinned at its cause.
import { describe, expect, it } from 'vitest';
import { isCertificateCode } from '@/lib/validation/certificate';
import { searchParam } from '@/lib/validation/query';

describe('certificate codes', () => {
  it.each([
    ['an issued code', 'nadsc4kedskbnf28', true],
    ['a NUL inside (PostgreSQL refuses the byte: was a 500)', 'nadsc4kedskbnf2\u0000', false],
    ['one character short', 'nadsc4kedskbnf2', false],
    ['upper case', 'NADSC4KEDSKBNF28', false],
    ['a path', '../../etc/passwd', false],
    ['not a string', ['nadsc4kedskbnf28'], false],
  ])('%s: %s', (_what, code, valid) => {
    expect(isCertificateCode(code)).toBe(valid);
  });
});

describe('search text from a query string', () => {
  it.each([
    ['plain text is kept', 'ayesha', 'ayesha'],
    ['a NUL is removed (PostgreSQL refuses it: /admin/users?q=%00 was a 500)', 'aye\u0000sha', 'ayesha'],
    ['hidden direction marks and zero-width spaces are removed', '\u202Eaye\u200Bsha', 'ayesha'],
    ['a repeated parameter (an array) is no search', ['a', 'b'], ''],
    ['long text is cut to 100 characters', 'x'.repeat(500), 'x'.repeat(100)],
  ])('%s', (_what, raw, expected) => {
    expect(searchParam(raw)).toBe(expected);
  });
});
