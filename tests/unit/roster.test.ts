import { describe, expect, test } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, joinCodeFromBytes, normalizeJoinCode, parseRoster } from '@/lib/domain/cohorts';

describe('parseRoster', () => {
  test('a plain list of emails, one a line, lower-cased, blank lines skipped', () => {
    expect(parseRoster('Amina@Uni.edu\n\nbilal@uni.edu\r\n')).toEqual({
      ok: true,
      rows: [
        { line: 1, email: 'amina@uni.edu', studentId: null },
        { line: 3, email: 'bilal@uni.edu', studentId: null },
      ],
    });
  });

  test.each([
    ['a header names the email column', 'name,email\n"Khan, Amina",amina@uni.edu\n', [{ line: 2, email: 'amina@uni.edu', studentId: null }]],
    ['a header in another case, semicolons, a byte-order mark', '\uFEFFName;E-mail\nAmina;amina@uni.edu\n', [{ line: 2, email: 'amina@uni.edu', studentId: null }]],
    ['quoted cells with doubled quotes', '"amina@uni.edu","says ""hi"""\n', [{ line: 1, email: 'amina@uni.edu', studentId: null }]],
    [
      'a quoted address with a line break in it (RFC 4180, as spreadsheets export)',
      'email,address\namina@uni.edu,"House 12, Street 4\nGulshan, Karachi"\nbilal@uni.edu,Quetta\n',
      [
        { line: 2, email: 'amina@uni.edu', studentId: null },
        { line: 4, email: 'bilal@uni.edu', studentId: null },
      ],
    ],
    [
      "a registrar's student ID column is kept",
      'Student ID,Name,Email\nDUHS-2026-014,Amina Khan,amina@uni.edu\n,Bilal,bilal@uni.edu\n',
      [
        { line: 2, email: 'amina@uni.edu', studentId: 'DUHS-2026-014' },
        { line: 3, email: 'bilal@uni.edu', studentId: null },
      ],
    ],
  ])('%s', (_name, csv, rows) => {
    expect(parseRoster(csv)).toEqual({ ok: true, rows });
  });

  test('every bad row is reported with its line, and no row is returned', () => {
    const csv = ['email', 'amina@uni.edu', 'not-an-email', '', 'AMINA@uni.edu', ',', '"open@uni.edu', 'bilal@uni.edu'].join('\n');
    expect(parseRoster(csv)).toEqual({
      ok: false,
      errors: [
        { line: 3, message: '"not-an-email" is not a valid email address.' },
        { line: 5, message: 'amina@uni.edu is already on line 2.' },
        { line: 6, message: 'The email is missing.' },
        // The open quote swallows the rest of the file (line 8 with it), so the check stops there.
        { line: 7, message: 'A quote is opened and never closed.' },
      ],
    });
  });

  test.each([
    ['an empty file', '  \n\n', 'The file is empty: put one email per line.'],
    ['a header with no emails', 'email\n', 'The file has a header but no emails.'],
  ])('%s is refused', (_name, csv, message) => {
    const result = parseRoster(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toBe(message);
  });

  test('a file over the row limit is refused as a whole', () => {
    const csv = Array.from({ length: 10_001 }, (_, i) => `l${i}@uni.edu`).join('\n');
    const result = parseRoster(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 1, message: 'The file has more than 10,000 rows; split it.' }]);
  });
});

describe('join codes', () => {
  test('are drawn uniformly from the unambiguous alphabet, skipping bytes past the last full cycle', () => {
    const bytes = Uint8Array.from([0, 1, 255, 250, 24, 25, 26, 49, 2, 3, 4, 5]);
    const code = joinCodeFromBytes(bytes);
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
    expect(code).toBe('AC9AC9DEFG');
    expect([...(code ?? '')].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
  });

  test('too few usable bytes give no code', () => {
    expect(joinCodeFromBytes(Uint8Array.from([255, 254, 1]))).toBeNull();
  });

  test('are shown in two groups and accepted however they are typed', () => {
    expect(formatJoinCode('ACDEFGHJKM')).toBe('ACDEF-GHJKM');
    expect(normalizeJoinCode(' acdef-ghjkm ')).toBe('ACDEFGHJKM');
  });
});
