import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FailureCounts } from '@/lib/domain/sign-in';
import type { Db } from '../client';
import { signInAttempts } from '../schema';

/** Failed sign-ins in the window: for the account from anywhere, for the account from this address, and from this address for any account. */
export async function failureCounts(db: Db, email: string, ip: string, since: Date): Promise<FailureCounts> {
  const [account, address] = await Promise.all([
    db
      .select({ all: sql<number>`count(*)`.mapWith(Number), here: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})`.mapWith(Number) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, email.toLowerCase()), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since))),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since))),
  ]);
  return { account: account[0]?.all ?? 0, accountFromAddress: account[0]?.here ?? 0, address: address[0]?.n ?? 0 };
}

/** Records one sign-in attempt. */
export async function recordSignInAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insert(signInAttempts).values({ ...attempt, email: attempt.email.toLowerCase() });
}

/** Forgets an account's failed sign-ins (after a password reset, the owner can always get back in). */
export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email.toLowerCase()), eq(signInAttempts.succeeded, false)));
}
