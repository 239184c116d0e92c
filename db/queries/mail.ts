import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Mail } from '@/lib/mail/templates';
import type { Db } from '../client';
import { mailMessages } from '../schema';
import { appendEvent } from './events';
import type { Actor } from './users';

export type MailKind = 'verify-email' | 'reset-password' | 'confirm-new-email' | 'email-change-notice' | 'cohort-invitation';

/**
 * Queues a message in the caller's transaction, with the `mail.queued` event that delivers it: the
 * action that causes a message and the message itself are kept or lost together, and sending
 * never blocks or breaks the action. Returns the message's id.
 */
export async function queueMail(tx: Db, m: { userId: string | null; to: string; kind: MailKind; mail: Mail }, now: Date): Promise<string> {
  const [row] = await tx
    .insert(mailMessages)
    .values({ userId: m.userId, toAddress: m.to, kind: m.kind, subject: m.mail.subject, textBody: m.mail.text, htmlBody: m.mail.html, createdAt: now })
    .returning({ id: mailMessages.id });
  if (!row) throw new AppError('conflict', 'mail not queued');
  await appendEvent(tx, { kind: 'mail.queued', sourceId: row.id, userId: m.userId, payload: { mailId: row.id, kind: m.kind }, occurredAt: now });
  return row.id;
}

/** One queued message, bodies included (the delivery handler's read). */
export async function getMail(db: Db, id: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row ?? null;
}

/** Marks a message sent and clears its bodies: the single-use links in them are not kept at rest. */
export async function markMailSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(mailMessages)
    .set({ sentAt: now, textBody: null, htmlBody: null, lastError: null, attempts: sql`${mailMessages.attempts} + 1` })
    .where(eq(mailMessages.id, id));
}

/** Records a failed try (the delivery is retried later by the event path). */
export async function markMailFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ lastError: error.slice(0, 1000), attempts: sql`${mailMessages.attempts} + 1` })
    .where(eq(mailMessages.id, id));
}

/** Where each of these messages stands (sent, how many failed tries), by id. */
export async function mailStatus(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { sentAt: Date | null; attempts: number; lastError: string | null }>();
  const rows = await db
    .select({ id: mailMessages.id, sentAt: mailMessages.sentAt, attempts: mailMessages.attempts, lastError: mailMessages.lastError })
    .from(mailMessages)
    .where(inArray(mailMessages.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** For admins: the latest messages, without their bodies. */
export async function listRecentMail(db: Db, actor: Actor, limit = 50) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'listRecentMail');
  return db
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      kind: mailMessages.kind,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
      attempts: mailMessages.attempts,
      lastError: mailMessages.lastError,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.createdAt))
    .limit(limit);
}
