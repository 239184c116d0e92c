import 'server-only';
import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { syncReceipts } from '../schema';
import type { Actor } from './users';

/** What an idempotency key may look like: a UUID or any 16–100 URL-safe characters. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,100}$/;

export type OnceResult<T> = { replayed: boolean; response: T };

/**
 * Runs `run` at most once per idempotency key, in one transaction with the receipt: the first
 * request claims the key (the primary key enforces it, even for two retries racing) and stores its
 * response; any later request with the key gets that response back and changes nothing. A key
 * already used by another learner or for another operation is a conflict.
 */
export async function onceByKey<T extends Record<string, unknown>>(db: Db, actor: Actor, key: string, operation: string, run: (tx: Db) => Promise<T>): Promise<OnceResult<T>> {
  if (!idempotencyKeyPattern.test(key)) throw new AppError('bad_request', 'malformed idempotency key', 'Malformed Idempotency-Key header.');
  return db.transaction(async (tx) => {
    const claimed = await tx.insert(syncReceipts).values({ key, userId: actor.id, operation, response: {} }).onConflictDoNothing().returning({ key: syncReceipts.key });
    if (claimed.length === 0) {
      const [prior] = await tx.select().from(syncReceipts).where(eq(syncReceipts.key, key));
      if (!prior || prior.userId !== actor.id || prior.operation !== operation) throw new AppError('conflict', `idempotency key reused: ${key}`, 'That idempotency key was already used for something else.');
      return { replayed: true, response: prior.response as T };
    }
    const response = await run(tx);
    await tx.update(syncReceipts).set({ response }).where(eq(syncReceipts.key, key));
    return { replayed: false, response };
  });
}
