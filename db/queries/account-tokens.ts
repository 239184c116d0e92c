import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { hashToken, looksLikeToken, newToken } from '@/lib/auth/tokens';
import type { Db } from '../client';
import { accountTokens, users } from '../schema';

export type TokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];

/** How long each kind of link works. */
export const tokenLifetimeMinutes: Record<TokenPurpose, number> = { 'verify-email': 48 * 60, 'reset-password': 30, 'change-email': 24 * 60 };

/**
 * A new single-use token for this user, purpose and address; any earlier unused token of the same
 * purpose stops working, so only the latest link does. Returns the raw token (for the e-mail; only
 * its hash is stored) and when it expires.
 */
export async function issueAccountToken(tx: Db, userId: string, purpose: TokenPurpose, email: string, now: Date) {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const { raw, hash } = newToken();
  const expiresAt = new Date(now.getTime() + tokenLifetimeMinutes[purpose] * 60_000);
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hash, email, expiresAt, createdAt: now });
  return { raw, expiresAt };
}

export type TokenCheck =
  | { ok: true; token: typeof accountTokens.$inferSelect; user: { id: string; name: string; email: string; emailVerified: Date | null } }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' };

async function find(db: Db, raw: string, purpose: TokenPurpose) {
  if (!looksLikeToken(raw)) return null;
  const [row] = await db
    .select({ token: accountTokens, user: { id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified } })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(raw)), eq(accountTokens.purpose, purpose)))
    .limit(1);
  return row ?? null;
}

/** What a link's token is worth now, without using it (the page a link opens reads only). */
export async function checkAccountToken(db: Db, raw: string, purpose: TokenPurpose, now: Date): Promise<TokenCheck> {
  const row = await find(db, raw, purpose);
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.token.usedAt) return { ok: false, reason: 'used' };
  if (row.token.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, ...row };
}

/** Uses a token once, in the caller's transaction: a second use, an expired or a forged token is refused. */
export async function consumeAccountToken(tx: Db, raw: string, purpose: TokenPurpose, now: Date): Promise<TokenCheck> {
  const check = await checkAccountToken(tx, raw, purpose, now);
  if (!check.ok) return check;
  const [used] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, check.token.id), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  return used ? check : { ok: false, reason: 'used' };
}
