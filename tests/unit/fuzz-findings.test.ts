// Defects the input-fuzzing suite (tests/e2e/fuzz) found, each pinned at its cause.
import { describe, expect, it } from 'vitest';
import { isCertificateCode } from '@/lib/validation/certificate';

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
