import { describe, expect, it } from 'vitest';
import { createCohortSchema } from '@/lib/validation/cohort';
import { resetPasswordSchema, signUpSchema } from '@/lib/validation/account';
import { passwordProblem } from '@/lib/validation/password';
import { parseRoster } from '@/lib/domain/cohorts/roster';

const person = { profession: 'doctor', email: 'ayesha.khan@example.pk', password: 'tea garden river blue' };
const nameError = (name: string) => {
  const parsed = signUpSchema.safeParse({ ...person, name });
  return parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === 'name')?.message ?? null;
};

describe('names and free text', () => {
  it('are stored in one Unicode form (NFC), trimmed', () => {
    const parsed = signUpSchema.parse({ ...person, name: '  Rene\u0301e Khan ' });
    expect(parsed.name).toBe('Ren\u00e9e Khan');
  });

  it('keep the joiners that Urdu and other scripts need', () => {
    expect(nameError('عائشہ\u200cخان')).toBeNull();
    expect(nameError('Dr. Zainab Ali-Shah')).toBeNull();
  });

  it.each([
    ['a bidirectional override', 'Ali \u202eevil', /text-direction/],
    ['a bidirectional isolate', 'Ali \u2066x\u2069', /text-direction/],
    ['a zero-width space', 'Ali\u200bKhan', /invisible/],
    ['a byte-order mark inside', 'Ali\ufeffKhan', /invisible/],
    ['a word joiner', 'Ali\u2060Khan', /invisible/],
    ['a line break', 'Ali\nKhan', /one line/],
    ['a NUL byte', 'Ali\u0000Khan', /control character/],
    ['an escape character', 'Ali\u001b[31m', /control character/],
    ['combining marks alone', '\u0301\u0301\u0301', /letters or digits/],
    ['a combining mark with nothing under it', '\u0301Ali', /letters or digits/],
  ])('refuse %s with a message', (_what, name, message) => {
    expect(nameError(name)).toMatch(message);
  });

  it('count characters, not UTF-16 units, against the limits', () => {
    expect(nameError('😀'.repeat(120))).toBeNull();
    expect(nameError('😀'.repeat(121))).toMatch(/at most 120/);
  });

  it('student IDs in a roster are checked the same way', () => {
    const bad = parseRoster('email,student_id\nsara@example.pk,\u202e2024-17\n');
    expect(bad.ok).toBe(false);
    const good = parseRoster('email,student_id\nsara@example.pk, 2024-17 \n');
    expect(good).toEqual({ ok: true, rows: [{ line: 2, email: 'sara@example.pk', studentId: '2024-17' }] });
  });
});

describe('dates', () => {
  const cohort = { name: 'MBBS 2027', institutionId: '00000000-0000-4000-8000-000000000001', programmeId: 'core' };
  it('refuse a day that does not exist instead of rolling it over', () => {
    const parsed = createCohortSchema.safeParse({ ...cohort, dueDate: '2027-02-31' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/does not exist/);
    expect(createCohortSchema.safeParse({ ...cohort, dueDate: '2027-13-01' }).success).toBe(false);
  });
  it('accept a real one, as the end of that day in Pakistan', () => {
    const parsed = createCohortSchema.parse({ ...cohort, dueDate: '2028-02-29' });
    expect(parsed.dueDate.toISOString()).toBe('2028-02-29T18:59:59.000Z');
  });
});

describe('new passwords (NIST SP 800-63B)', () => {
  it.each(['password123', '1234567890', 'qwertyuiop'])('refuse %s, found by the review, as too short', (password) => {
    expect(passwordProblem(password)).toMatch(/at least 12 characters/);
  });
  it.each([
    ['password1234', /common and leaked/],
    ['qwertyuiop12', /common and leaked|keyboard/],
    ['aaaaaaaaaaaaaaa', /repeats/],
  ])('refuse %s, long but guessable, saying why', (password, why) => {
    expect(passwordProblem(password)).toMatch(why);
  });
  it('refuse a password built from the person’s own name or address', () => {
    const parsed = signUpSchema.safeParse({ ...person, name: 'Ayesha Khan', password: 'ayeshakhan123' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['password'], message: expect.stringMatching(/your name or e-mail/) });
  });
  it('accept a passphrase with no composition rules, and check resets the same way', () => {
    expect(passwordProblem('tea garden river blue')).toBeNull();
    expect(resetPasswordSchema.safeParse({ token: 'a'.repeat(43), password: 'password1234', confirm: 'password1234' }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token: 'a'.repeat(43), password: 'tea garden river blue', confirm: 'tea garden river blue' }).success).toBe(true);
  });
});
