import 'server-only';
// Accounts people run themselves: sign-up with a verified address, password reset and change, and a
// change of address. Every e-mail is queued in the same transaction as the token it carries and
// sent by the event path; nothing here ever says whether an address has an account.
import type { Db } from '@/db/client';
import { consumeAccountToken, issueAccountToken } from '@/db/queries/account-tokens';
import { appendEvent } from '@/db/queries/events';
import { queueMail } from '@/db/queries/mail';
import { type Limit, withinLimit } from '@/db/queries/rate-limits';
import { deleteOtherSessions, deleteUserSessions } from '@/db/queries/sessions';
import { clearSignInFailures } from '@/db/queries/sign-in-attempts';
import { type NewUser, changeEmail, createUser, findUserByEmail, markEmailVerified, passwordHashOf, setPasswordHash } from '@/db/queries/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { absoluteUrl } from '@/lib/env';
import { confirmNewEmailMail, emailChangeNoticeMail, resetPasswordMail, verifyEmailMail } from '@/lib/mail/templates';
import { followUp } from './events/dispatch';

const site = 'TeleHealth Ready';

/** Requests each address or client may make in a window; past them the answer is the same, but nothing is sent. */
export const accountLimits = {
  resetPerAddress: { bucket: 'reset:address', max: 3, windowMinutes: 60 },
  resetPerClient: { bucket: 'reset:client', max: 10, windowMinutes: 60 },
  verifyPerAccount: { bucket: 'verify:account', max: 5, windowMinutes: 60 },
  emailChangePerAccount: { bucket: 'email-change:account', max: 5, windowMinutes: 60 },
  // A stolen session must not become a way to guess the account's password: each check of the
  // current password (changing it, or the address) counts, ten in a quarter of an hour.
  passwordCheckPerAccount: { bucket: 'password-check:account', max: 10, windowMinutes: 15 },
  // Each sign-up hashes a password with argon2 (deliberately slow): bounded per client, generously,
  // because a class signing up together in one computer lab shares an address.
  signUpPerClient: { bucket: 'sign-up:client', max: 50, windowMinutes: 10 },
} as const satisfies Record<string, Limit>;

async function queueVerification(tx: Db, user: { id: string; name: string; email: string }, now: Date) {
  const { raw, expiresAt } = await issueAccountToken(tx, user.id, 'verify-email', user.email, now);
  await queueMail(tx, { userId: user.id, to: user.email, kind: 'verify-email', mail: verifyEmailMail({ site, name: user.name, link: absoluteUrl(`/account/verify/${raw}`), expiresAt }) }, now);
}

/**
 * Creates an account and queues its verification e-mail, together. With `proven` (a sign-up from
 * an invitation link sent to this very address) the address is verified at once. Null when the
 * address is taken.
 */
export async function registerAccount(db: Db, input: Omit<NewUser, 'passwordHash' | 'emailVerified'> & { password: string }, proven: boolean, now = new Date()) {
  const { password, ...rest } = input;
  const passwordHash = await hashPassword(password);
  const user = await db.transaction(async (tx) => {
    const created = await createUser(tx, { ...rest, passwordHash, emailVerified: proven ? now : null });
    if (created && !proven) await queueVerification(tx, created, now);
    return created;
  });
  if (user) await followUp(db, user.id, now);
  return user;
}

/** Whether this client may attempt another sign-up now (counted before any password is hashed). */
export function allowSignUp(db: Db, client: string, now = new Date()): Promise<boolean> {
  return withinLimit(db, accountLimits.signUpPerClient, client, now);
}

/** Sends a fresh verification link to the acting account's address; false when asked too often. */
export async function resendVerification(db: Db, account: { id: string; name: string; email: string; emailVerified: Date | null }, now = new Date()): Promise<'sent' | 'verified' | 'limited'> {
  if (account.emailVerified) return 'verified';
  if (!(await withinLimit(db, accountLimits.verifyPerAccount, account.id, now))) return 'limited';
  await db.transaction((tx) => queueVerification(tx, account, now));
  await followUp(db, account.id, now);
  return 'sent';
}

export type ConfirmResult = { ok: true; userId: string; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'taken' };

/**
 * Confirms an address from its link: a new account's (verify-email) or a changed one's
 * (change-email). Writes `account.verified`, which releases any certificate that was waiting.
 */
export async function confirmEmail(db: Db, raw: string, purpose: 'verify-email' | 'change-email', now = new Date()): Promise<ConfirmResult> {
  const result = await db.transaction(async (tx): Promise<ConfirmResult> => {
    const check = await consumeAccountToken(tx, raw, purpose, now);
    if (!check.ok) return check;
    const { token, user } = check;
    if (purpose === 'change-email') {
      if (!(await changeEmail(tx, user.id, user.email, token.email, now))) return { ok: false, reason: 'taken' };
    } else if (!(await markEmailVerified(tx, user.id, token.email, now))) {
      // Verified already, or the account has moved to another address since this link was sent.
      return user.emailVerified && user.email === token.email ? { ok: true, userId: user.id, email: user.email } : { ok: false, reason: 'invalid' };
    }
    await appendEvent(tx, { kind: 'account.verified', sourceId: token.id, userId: user.id, payload: { email: token.email }, occurredAt: now });
    return { ok: true, userId: user.id, email: token.email };
  });
  if (result.ok) await followUp(db, result.userId, now);
  return result;
}

/**
 * "Forgot password?": a reset link to the address if an account uses it. The answer is the same
 * whether or not one does, and past the limits per address and per client nothing is sent.
 */
export async function requestPasswordReset(db: Db, email: string, client: string, now = new Date()): Promise<void> {
  const withinAddress = await withinLimit(db, accountLimits.resetPerAddress, email, now);
  const withinClient = await withinLimit(db, accountLimits.resetPerClient, client, now);
  if (!withinAddress || !withinClient) return;
  const user = await findUserByEmail(db, email);
  if (!user) return;
  await db.transaction(async (tx) => {
    const { raw, expiresAt } = await issueAccountToken(tx, user.id, 'reset-password', user.email, now);
    await queueMail(tx, { userId: user.id, to: user.email, kind: 'reset-password', mail: resetPasswordMail({ site, name: user.name, link: absoluteUrl(`/reset-password/${raw}`), expiresAt }) }, now);
  });
  await followUp(db, user.id, now);
}

export type ResetResult = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Sets a new password from a reset link. It signs out every session, clears the account's failed
 * sign-ins (the owner can always get back in), and verifies the address (the link proves it).
 */
export async function resetPassword(db: Db, raw: string, password: string, now = new Date()): Promise<ResetResult> {
  const passwordHash = await hashPassword(password);
  const result = await db.transaction(async (tx): Promise<ResetResult & { userId?: string }> => {
    const check = await consumeAccountToken(tx, raw, 'reset-password', now);
    if (!check.ok) return check;
    const { user, token } = check;
    await setPasswordHash(tx, user.id, passwordHash, 'reset', now);
    await deleteUserSessions(tx, user.id);
    await clearSignInFailures(tx, user.email);
    if (await markEmailVerified(tx, user.id, token.email, now)) {
      await appendEvent(tx, { kind: 'account.verified', sourceId: token.id, userId: user.id, payload: { email: token.email }, occurredAt: now });
    }
    return { ok: true, email: user.email, userId: user.id };
  });
  if (result.ok && result.userId) await followUp(db, result.userId, now);
  return result.ok ? { ok: true, email: result.email } : result;
}

/** A signed-in person changes their password (current one required); their other sessions end. */
export async function changePassword(db: Db, account: { id: string }, sessionToken: string, current: string, next: string, now = new Date()): Promise<'changed' | 'wrong-password' | 'limited'> {
  if (!(await withinLimit(db, accountLimits.passwordCheckPerAccount, account.id, now))) return 'limited';
  if (!(await verifyPassword(await passwordHashOf(db, account.id), current))) return 'wrong-password';
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, passwordHash, 'change', now);
    await deleteOtherSessions(tx, account.id, sessionToken);
  });
  return 'changed';
}

/**
 * A signed-in person asks to use another address: a confirmation link goes to the new one, and
 * a notice (with a way to reset the password) to the old one. Nothing changes until it is confirmed.
 */
export async function requestEmailChange(
  db: Db,
  account: { id: string; name: string; email: string },
  newEmail: string,
  password: string,
  now = new Date(),
): Promise<'sent' | 'wrong-password' | 'same' | 'taken' | 'limited'> {
  const to = newEmail.toLowerCase();
  if (to === account.email) return 'same';
  if (!(await withinLimit(db, accountLimits.passwordCheckPerAccount, account.id, now))) return 'limited';
  if (!(await verifyPassword(await passwordHashOf(db, account.id), password))) return 'wrong-password';
  if (!(await withinLimit(db, accountLimits.emailChangePerAccount, account.id, now))) return 'limited';
  if (await findUserByEmail(db, to)) return 'taken';
  await db.transaction(async (tx) => {
    const { raw, expiresAt } = await issueAccountToken(tx, account.id, 'change-email', to, now);
    await queueMail(tx, { userId: account.id, to, kind: 'confirm-new-email', mail: confirmNewEmailMail({ site, name: account.name, link: absoluteUrl(`/account/confirm-email/${raw}`), expiresAt }) }, now);
    await queueMail(tx, { userId: account.id, to: account.email, kind: 'email-change-notice', mail: emailChangeNoticeMail({ site, name: account.name, newAddress: to, link: absoluteUrl('/forgot-password') }) }, now);
  });
  await followUp(db, account.id, now);
  return 'sent';
}
