import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../client';
import { signInAttempts } from '../schema';

/** Failures allowed in the window before sign-in is refused. */
export const signInLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

/** Whether sign-in for this email or from this address is refused for now, after repeated failures. */
export async function isSignInThrottled(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - signInLimits.windowMinutes * 60_000);
  const [byAccount] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  if ((byAccount?.n ?? 0) >= signInLimits.perAccount) return true;
  const [byAddress] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  return (byAddress?.n ?? 0) >= signInLimits.perAddress;
}

/** Records one sign-in attempt. */
export async function recordSignInAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insert(signInAttempts).values(attempt);
}

/** Forgets an account's failed sign-ins (after a password reset, the owner can always get back in). */
export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email.toLowerCase()), eq(signInAttempts.succeeded, false)));
}
