// The learning-event outbox: what happened, written in the same transaction as the record it
// describes, and one delivery per handler that must follow it (certificates, caches, e-mail…).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * One learning event. Its id is derived from the row it describes (`quiz.graded:<attempt id>`),
 * so writing it twice, from a retry or a replay, inserts nothing the second time.
 */
export const learningEvents = pgTable(
  'learning_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The learner the event is about; their events go when their account does. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learning_events_user_idx').on(t.userId, t.occurredAt)],
);

/**
 * What one handler still owes one event. A delivery is done once (`done_at`), in the same
 * transaction as the handler's own writes; a failure is retried after `next_attempt_at`.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => learningEvents.id, { onDelete: 'cascade' }),
    handler: text('handler').notNull(),
    /** The event's learner, repeated here so "this learner's pending follow-ups" is one indexed read. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.handler] }),
    // Only pending deliveries are ever searched for; the index holds just those.
    index('event_deliveries_pending_idx').on(t.nextAttemptAt).where(sql`done_at is null`),
    index('event_deliveries_pending_user_idx').on(t.userId).where(sql`done_at is null`),
  ],
);
