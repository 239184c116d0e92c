import 'server-only';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { hashToken } from '@/lib/auth/tokens';
import type { Db } from '../client';
import { rateLimitHits } from '../schema';

export type Limit = { bucket: string; max: number; windowMinutes: number };

/**
 * Counts one request against a limit and says whether it is within it. Keys (an address, a client)
 * are stored hashed. A request over the limit is not counted, so a flood does not extend itself.
 */
export async function withinLimit(db: Db, limit: Limit, key: string, now: Date): Promise<boolean> {
  const hashed = hashToken(`${limit.bucket}:${key.toLowerCase()}`);
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, hashed), gt(rateLimitHits.at, since)));
  if ((row?.n ?? 0) >= limit.max) return false;
  await db.insert(rateLimitHits).values({ bucket: limit.bucket, key: hashed, at: now });
  return true;
}

/** Drops hits older than a day (called by the recovery pass), so the table stays small. */
export async function pruneRateLimits(db: Db, now: Date): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.at, new Date(now.getTime() - 86_400_000)));
}
