import 'server-only';
// The learning-event outbox: appended inside the transaction that writes the record, consumed once per handler.
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { type EventKind, type EventPayload, type HandlerName, eventId, subscribers } from '@/lib/domain/events';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { eventDeliveries, learningEvents } from '../schema';
import type { Actor } from './users';
import { queueStatements } from './xapi';

export type NewEvent<K extends EventKind> = {
  kind: K;
  /** The id of the row the event describes; with the kind, it makes the event's id. */
  sourceId: string | number;
  userId: string | null;
  payload: EventPayload<K>;
  occurredAt: Date;
};

/**
 * Writes an event, one pending delivery per handler that follows its kind and, for a learning
 * record, one xAPI statement per LRS of the learner's institutions. Call it inside the
 * transaction that writes the record, so all are kept or none. Returns the event's id, or
 * null when it was already written (a replay inserts nothing).
 */
export async function appendEvent<K extends EventKind>(tx: Db, event: NewEvent<K>): Promise<string | null> {
  const id = eventId(event.kind, event.sourceId);
  const [row] = await tx
    .insert(learningEvents)
    .values({ id, kind: event.kind, userId: event.userId, payload: event.payload, occurredAt: event.occurredAt })
    .onConflictDoNothing()
    .returning({ id: learningEvents.id });
  if (!row) return null;
  const handlers = subscribers[event.kind];
  if (handlers.length > 0) {
    await tx.insert(eventDeliveries).values(handlers.map((handler) => ({ eventId: id, handler, userId: event.userId, nextAttemptAt: event.occurredAt })));
  }
  // The learning records owed to the learner's institutions' LRSs, in this same transaction.
  await queueStatements(tx, { id, kind: event.kind, userId: event.userId, payload: event.payload, occurredAt: event.occurredAt });
  return id;
}

export type DeliveryRef = { eventId: string; handler: string };

/** A learner's deliveries still due, for the given handlers (what a request finishes before it answers). */
export function pendingDeliveriesFor(db: Db, userId: string, handlers: readonly HandlerName[], now: Date, limit = 20): Promise<DeliveryRef[]> {
  if (handlers.length === 0) return Promise.resolve([]);
  return db
    .select({ eventId: eventDeliveries.eventId, handler: eventDeliveries.handler })
    .from(eventDeliveries)
    .where(and(eq(eventDeliveries.userId, userId), isNull(eventDeliveries.doneAt), inArray(eventDeliveries.handler, [...handlers]), lte(eventDeliveries.nextAttemptAt, now)))
    .orderBy(asc(eventDeliveries.nextAttemptAt))
    .limit(limit);
}

/** Every delivery due now, oldest first (the recovery pass). */
export function dueDeliveries(db: Db, now: Date, limit = 100): Promise<DeliveryRef[]> {
  return db
    .select({ eventId: eventDeliveries.eventId, handler: eventDeliveries.handler })
    .from(eventDeliveries)
    .where(and(isNull(eventDeliveries.doneAt), lte(eventDeliveries.nextAttemptAt, now)))
    .orderBy(asc(eventDeliveries.nextAttemptAt))
    .limit(limit);
}

/**
 * Locks one pending delivery for the caller's transaction and returns its event; null when it is
 * done already or, with `wait: false`, being processed elsewhere. With `wait: true` a request waits
 * for another process to finish it, so the learner sees its result.
 */
export async function claimDelivery(tx: Db, ref: DeliveryRef, wait: boolean) {
  const locked = await tx
    .select({ attempts: eventDeliveries.attempts })
    .from(eventDeliveries)
    .where(and(eq(eventDeliveries.eventId, ref.eventId), eq(eventDeliveries.handler, ref.handler), isNull(eventDeliveries.doneAt)))
    .for('update', wait ? {} : { skipLocked: true });
  if (locked.length === 0) return null;
  const [event] = await tx.select().from(learningEvents).where(eq(learningEvents.id, ref.eventId));
  if (!event) throw new AppError('conflict', `event ${ref.eventId} of a pending delivery is missing`);
  return event;
}

export type StoredEvent = NonNullable<Awaited<ReturnType<typeof claimDelivery>>>;

/** Marks a claimed delivery done, in the transaction that did its work. */
export async function completeDelivery(tx: Db, ref: DeliveryRef, now: Date): Promise<void> {
  await tx
    .update(eventDeliveries)
    .set({ doneAt: now, attempts: sql`${eventDeliveries.attempts} + 1`, lastError: null })
    .where(and(eq(eventDeliveries.eventId, ref.eventId), eq(eventDeliveries.handler, ref.handler)));
}

/** Holds a claimed delivery for a lease handler until `until`: no other pass takes it before then. */
export async function leaseDelivery(tx: Db, ref: DeliveryRef, until: Date): Promise<void> {
  await tx
    .update(eventDeliveries)
    .set({ nextAttemptAt: until })
    .where(and(eq(eventDeliveries.eventId, ref.eventId), eq(eventDeliveries.handler, ref.handler)));
}

/** Records a failed try; the delivery waits until `retryAt`. Returns how many tries it has had. */
export async function failDelivery(db: Db, ref: DeliveryRef, error: string, retryAt: (attempts: number) => Date): Promise<number> {
  const [row] = await db
    .select({ attempts: eventDeliveries.attempts })
    .from(eventDeliveries)
    .where(and(eq(eventDeliveries.eventId, ref.eventId), eq(eventDeliveries.handler, ref.handler), isNull(eventDeliveries.doneAt)));
  if (!row) return 0;
  const attempts = row.attempts + 1;
  await db
    .update(eventDeliveries)
    .set({ attempts, lastError: error.slice(0, 2000), nextAttemptAt: retryAt(attempts) })
    .where(and(eq(eventDeliveries.eventId, ref.eventId), eq(eventDeliveries.handler, ref.handler), isNull(eventDeliveries.doneAt)));
  return attempts;
}

/** For admins: pending deliveries by handler, and those that have failed at least once, newest failure first. */
export async function outboxStatus(db: Db, actor: Actor, limit = 50) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'outboxStatus');
  const [pending, failing] = await Promise.all([
    db.select({ handler: eventDeliveries.handler, pending: count() }).from(eventDeliveries).where(isNull(eventDeliveries.doneAt)).groupBy(eventDeliveries.handler),
    db
      .select({
        eventId: eventDeliveries.eventId,
        handler: eventDeliveries.handler,
        kind: learningEvents.kind,
        attempts: eventDeliveries.attempts,
        lastError: eventDeliveries.lastError,
        nextAttemptAt: eventDeliveries.nextAttemptAt,
        occurredAt: learningEvents.occurredAt,
      })
      .from(eventDeliveries)
      .innerJoin(learningEvents, eq(learningEvents.id, eventDeliveries.eventId))
      .where(and(isNull(eventDeliveries.doneAt), gt(eventDeliveries.attempts, 0)))
      .orderBy(desc(eventDeliveries.nextAttemptAt))
      .limit(limit),
  ]);
  return { pending, failing };
}
