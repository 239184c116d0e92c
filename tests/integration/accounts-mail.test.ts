// Accounts people run themselves, with real SMTP: verification, password reset and change, a change
// of address, rate limits that reveal nothing, and mail that never blocks or breaks an action.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkAccountToken } from '@/db/queries/account-tokens';
import { listOwnCertificates } from '@/db/queries/certificates';
import { createSession, getSessionUser } from '@/db/queries/sessions';
import { failureCounts, recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { findUserByEmail } from '@/db/queries/users';
import { eventDeliveries, mailMessages, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { accountLimits, allowSignUp, changePassword, confirmEmail, registerAccount, requestEmailChange, requestPasswordReset, resendVerification, resetPassword } from '@/lib/services/accounts';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { completeLast, doctorOneShort } from '../support/certificate-evidence';
import { suiteDatabase, testDatabases } from '../support/databases';
import { type TestSmtp, linkIn, startSmtp } from '../support/smtp';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'mail-keys-'));
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  // Read by lib/env.ts on first use, which comes after this.
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);
// One inbox serves both databases' runs: every address is unique across them.
let n = 0;
const address = (what: string) => `${what}-${++n}@uni.example`;

describe.each(testDatabases)('accounts and e-mail on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const signUp = (email: string) =>
    registerAccount(h.db, { name: 'Sana Student', email, password: 'a-long-password-1', profession: 'student', institution: null, registrationNumber: null }, false);
  const deliver = () => processDueEvents(h.db, minutes(1));

  test('a new account gets a verification e-mail over SMTP: multipart, with the site name and a single-use link, and no password', async () => {
    const email = address('signup');
    const user = (await signUp(email))!;
    expect(user.emailVerified).toBeNull();
    // Queued with the account, sent by the event path.
    const [queued] = await h.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(queued).toMatchObject({ kind: 'verify-email', sentAt: null });
    await deliver();
    const [message] = smtp.to(email);
    expect(message?.subject).toBe('Confirm your e-mail address · TeleHealth Ready');
    expect(message?.html).toContain('Confirm my address');
    expect(message?.text).not.toContain('a-long-password-1');
    expect(message?.raw).toMatch(/multipart\/alternative/);
    // Once sent, the single-use link is not kept at rest.
    const [sent] = await h.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(sent).toMatchObject({ textBody: null, htmlBody: null });
    expect(sent?.sentAt).not.toBeNull();

    const { token } = linkIn(message, '/account/verify/');
    expect(await confirmEmail(h.db, token, 'verify-email')).toMatchObject({ ok: true, email });
    expect((await findUserByEmail(h.db, email))?.emailVerified).not.toBeNull();
    expect(await confirmEmail(h.db, token, 'verify-email')).toEqual({ ok: false, reason: 'used' });
    expect(await confirmEmail(h.db, `${token}x`, 'verify-email')).toEqual({ ok: false, reason: 'invalid' });
  });

  test('an unverified account earns no certificate; verifying its address issues the one it had earned', async () => {
    const user = await doctorOneShort(h.db, address('unverified-doctor'), 'lesson');
    await h.db.update(users).set({ emailVerified: null }).where(eq(users.id, user.id));
    await completeLast(h.db, user, 'lesson', new Date());
    expect(await listOwnCertificates(h.db, user)).toHaveLength(0);
    const full = (await findUserByEmail(h.db, user.email))!;
    expect(await resendVerification(h.db, { ...full, name: full.name })).toBe('sent');
    await deliver();
    const { token } = linkIn(smtp.to(user.email).at(-1), '/account/verify/');
    await confirmEmail(h.db, token, 'verify-email');
    expect(await listOwnCertificates(h.db, user)).toHaveLength(1);
  });

  test('verification e-mails are limited per account', async () => {
    const email = address('limited');
    const user = (await signUp(email))!;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await resendVerification(h.db, user));
    expect(results).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'limited']);
  });

  test('a password reset: the same answer for any address, a 30-minute single-use link, every session signed out, failures cleared, the address verified', async () => {
    const email = address('reset');
    const user = (await signUp(email))!;
    const session = await createSession(h.db, user.id, new Date());
    for (let i = 0; i < 5; i++) await recordSignInAttempt(h.db, { email, ip: '203.0.113.9', succeeded: false, at: new Date() });
    expect((await failureCounts(h.db, email, '198.51.100.1', minutes(-15))).account).toBe(5);

    await requestPasswordReset(h.db, 'nobody-here@uni.example', '203.0.113.9');
    await requestPasswordReset(h.db, email, '203.0.113.9');
    await deliver();
    expect(smtp.to('nobody-here@uni.example')).toEqual([]);
    const mail = smtp.to(email).find((m) => m.subject.startsWith('Reset your password'));
    const { token } = linkIn(mail, '/reset-password/');
    // The page the link opens reads the token without using it; 31 minutes later it has expired.
    expect((await checkAccountToken(h.db, token, 'reset-password', new Date())).ok).toBe(true);
    expect(await checkAccountToken(h.db, token, 'reset-password', minutes(31))).toEqual({ ok: false, reason: 'expired' });

    expect(await resetPassword(h.db, token, 'another-long-password-2')).toEqual({ ok: true, email });
    expect(await resetPassword(h.db, token, 'a-third-long-password-3')).toEqual({ ok: false, reason: 'used' });
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, 'another-long-password-2')).toBe(true);
    expect(row!.emailVerified).not.toBeNull();
    expect(await getSessionUser(h.db, session, new Date())).toBeNull();
    expect((await failureCounts(h.db, email, '198.51.100.1', minutes(-15))).account).toBe(0);
  });

  test('reset requests past the limits per address and per client send nothing more, and answer the same', async () => {
    const email = address('flood');
    await signUp(email);
    await deliver();
    const before = smtp.to(email).length;
    for (let i = 0; i < 5; i++) await requestPasswordReset(h.db, email, `198.51.100.${n}`);
    await deliver();
    expect(smtp.to(email).length - before).toBe(3);
    // Ten from one client, to ten addresses: the eleventh is not sent.
    const client = `192.0.2.${n}`;
    const targets = [];
    for (let i = 0; i < 11; i++) {
      const e = address('client');
      await signUp(e);
      targets.push(e);
    }
    for (const e of targets) await requestPasswordReset(h.db, e, client);
    await deliver();
    expect(targets.filter((e) => smtp.to(e).some((m) => m.subject.startsWith('Reset'))).length).toBe(10);
  });

  test('sign-ups are limited per client before any password is hashed; another client is not affected, and the window passes', async () => {
    const client = `192.0.2.${++n}`;
    const now = new Date();
    const answers = [];
    for (let i = 0; i < accountLimits.signUpPerClient.max + 1; i++) answers.push(await allowSignUp(h.db, client, now));
    expect(answers.filter(Boolean)).toHaveLength(accountLimits.signUpPerClient.max);
    expect(answers.at(-1)).toBe(false);
    expect(await allowSignUp(h.db, `192.0.2.${++n}`, now)).toBe(true);
    expect(await allowSignUp(h.db, client, minutes(accountLimits.signUpPerClient.windowMinutes + 1, now))).toBe(true);
  });

  test('changing a password needs the current one and signs out the other sessions only', async () => {
    const user = (await signUp(address('change')))!;
    const [here, there] = [await createSession(h.db, user.id, new Date()), await createSession(h.db, user.id, new Date())];
    expect(await changePassword(h.db, user, here, 'wrong', 'a-new-long-password')).toBe('wrong-password');
    expect(await changePassword(h.db, user, here, 'a-long-password-1', 'a-new-long-password')).toBe('changed');
    expect(await getSessionUser(h.db, here, new Date())).not.toBeNull();
    expect(await getSessionUser(h.db, there, new Date())).toBeNull();
  });

  test('the current password can be tried ten times in a quarter of an hour, by either form, then the account is told to wait', async () => {
    const user = (await signUp(address('guess')))!;
    const here = await createSession(h.db, user.id, new Date());
    const now = new Date();
    const max = accountLimits.passwordCheckPerAccount.max;
    for (let i = 0; i < max / 2; i++) expect(await changePassword(h.db, user, here, `guess-${i}`, 'a-new-long-password', now)).toBe('wrong-password');
    for (let i = 0; i < max / 2; i++) expect(await requestEmailChange(h.db, user, address('elsewhere'), `guess-${i}`, now)).toBe('wrong-password');
    // Even the right password is not checked now: the answer would tell a guesser it was right.
    expect(await changePassword(h.db, user, here, 'a-long-password-1', 'a-new-long-password', now)).toBe('limited');
    expect(await requestEmailChange(h.db, user, address('elsewhere'), 'a-long-password-1', now)).toBe('limited');
    const later = new Date(now.getTime() + (accountLimits.passwordCheckPerAccount.windowMinutes + 1) * 60_000);
    expect(await changePassword(h.db, user, here, 'a-long-password-1', 'a-new-long-password', later)).toBe('changed');
  });

  test('a change of address is confirmed from the new address, the old one is told, and a taken address is refused', async () => {
    const old = address('old');
    const user = (await signUp(old))!;
    const taken = address('taken');
    await signUp(taken);
    expect(await requestEmailChange(h.db, user, taken, 'a-long-password-1')).toBe('taken');
    expect(await requestEmailChange(h.db, user, address('new'), 'wrong')).toBe('wrong-password');
    const next = address('new');
    expect(await requestEmailChange(h.db, user, next, 'a-long-password-1')).toBe('sent');
    await deliver();
    expect(smtp.to(old).find((m) => m.subject.startsWith('A change of e-mail address'))?.text).toContain(next);
    const { token } = linkIn(smtp.to(next)[0], '/account/confirm-email/');
    expect((await findUserByEmail(h.db, old))?.id).toBe(user.id);
    expect(await confirmEmail(h.db, token, 'change-email')).toMatchObject({ ok: true, email: next });
    const moved = await findUserByEmail(h.db, next);
    expect(moved?.id).toBe(user.id);
    expect(moved?.emailVerified).not.toBeNull();
  });

  test('a mail server that refuses a message: the action already succeeded, the failure is kept and retried with its reason', async () => {
    const email = address('refused');
    smtp.refuse.add(email);
    const user = await signUp(email);
    expect(user).not.toBeNull();
    expect((await deliver()).failed).toBeGreaterThan(0);
    const [mail] = await h.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mail).toMatchObject({ sentAt: null, attempts: 1 });
    expect(mail?.lastError).toMatch(/550/);
    const [delivery] = await h.db.select().from(eventDeliveries).where(eq(eventDeliveries.eventId, `mail.queued:${mail!.id}`));
    expect(delivery?.doneAt).toBeNull();
    expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // The mailbox is fixed: the next pass after the delay sends it, once.
    smtp.refuse.delete(email);
    await processDueEvents(h.db, minutes(2));
    expect(smtp.to(email)).toHaveLength(1);
    await processDueEvents(h.db, minutes(60));
    expect(smtp.to(email)).toHaveLength(1);
  });
});
