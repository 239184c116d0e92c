// Learning records sent to institutions' Learning Record Stores (xAPI 1.0.3): each institution's
// LRS, and the statements owed to each, written in the same transaction as their learning event.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { learningEvents } from './events';
import { institutions } from './institutions';

/**
 * An institution's Learning Record Store, managed by its admins. The secret is stored encrypted
 * (lib/services/xapi/secret.ts) and never shown again once saved.
 */
export const institutionLrs = pgTable('institution_lrs', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: uuid('institution_id')
    .notNull()
    .unique()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  /** The xAPI endpoint, without `statements` (https://lrs.example.org/xapi). */
  endpoint: text('endpoint').notNull(),
  /** Basic-auth key (the LRS's client key, not a secret on its own). */
  authKey: text('auth_key').notNull(),
  /** Basic-auth secret, AES-256-GCM encrypted. */
  authSecret: text('auth_secret').notNull(),
  /** Identify learners by their e-mail (mbox) instead of an opaque account: the institution's choice. */
  sendEmail: boolean('send_email').notNull().default(false),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One statement owed to one LRS. Its id is derived from (event, LRS), and its body is fixed when
 * the event is written, so a resend after a crash is the same statement and the LRS keeps one.
 */
export const xapiStatements = pgTable(
  'xapi_statements',
  {
    id: uuid('id').primaryKey(),
    lrsId: uuid('lrs_id')
      .notNull()
      .references(() => institutionLrs.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => learningEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** Accepted by the LRS (`sent`), or refused because it holds a different statement with this id (`conflict`). */
    outcome: text('outcome', { enum: ['sent', 'conflict'] }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('xapi_statements_pending_idx').on(t.lrsId, t.nextAttemptAt).where(sql`done_at is null`), index('xapi_statements_event_idx').on(t.eventId)],
);

export type InstitutionLrs = typeof institutionLrs.$inferSelect;
