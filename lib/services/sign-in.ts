import 'server-only';
import type { Db } from '@/db/client';
import { failureCounts, recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { findUserForSignIn } from '@/db/queries/users';
import { verifyPassword } from '@/lib/auth/password';
import { signInGate, signInPolicy } from '@/lib/domain/sign-in';
import { cancelDeletionOnSignIn } from './privacy';

export type SignInResult = { ok: true; user: { id: string; name: string; email: string } } | { ok: false; reason: 'invalid' | 'rate_limited' };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password from a client address: refused while that address keeps failing,
 * slowed while the account is under attack from elsewhere (see `signInGate`), and recorded either
 * way. A wrong email and a wrong password get the same answer, in the same time.
 */
export async function attemptSignIn(db: Db, input: { email: string; password: string; ip: string }, now = new Date(), sleep = wait): Promise<SignInResult> {
  const email = input.email.toLowerCase();
  const since = new Date(now.getTime() - signInPolicy.windowMinutes * 60_000);
  const gate = signInGate(await failureCounts(db, email, input.ip, since));
  if (gate.refused) return { ok: false, reason: 'rate_limited' };
  if (gate.delayMs > 0) await sleep(gate.delayMs);
  const user = await findUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  await recordSignInAttempt(db, { email, ip: input.ip, succeeded: ok, at: now });
  // Signing in during a deletion's grace period cancels it (the profile then says so).
  if (ok && user) await cancelDeletionOnSignIn(db, user.id);
  return ok && user ? { ok: true, user: { id: user.id, name: user.name, email: user.email } } : { ok: false, reason: 'invalid' };
}
