// The readiness rollup: each learner's figures for a programme, worked out by the same pure
// function as before (learnerReadiness) and kept, so a dashboard reads one indexed row per member
// instead of regrouping every completion and attempt. Exact, not a cache with a lifetime: every
// write to the evidence tables bumps the learner's change counter in its own transaction (database
// triggers, migration 0018), and a row counts only while it was computed at the current count and
// against the current content.
import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Requirement } from '@/lib/domain/certification';
import type { DomainScore } from '@/lib/domain/readiness';
import { users } from './accounts';

/**
 * How many times a learner's evidence (lesson completions, quiz and consult attempts) has changed.
 * Bumped by triggers on those tables, so no write path, seed or repair can forget it; a rollup row
 * is current only if it was computed at this count.
 */
export const readinessChanges = pgTable('readiness_changes', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
});

/** One learner's readiness for one programme, as `learnerReadiness` gave it. */
export const readinessRollup = pgTable(
  'learner_readiness',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    /** A hash of the content the figures depend on (lessons per module, pass marks, question tags, the programme's rules) and of the rules' version. */
    fingerprint: text('fingerprint').notNull(),
    /** The learner's change count read before the evidence was: a later write makes the row stale. */
    computedSeq: bigint('computed_seq', { mode: 'number' }).notNull(),
    progress: doublePrecision('progress').notNull(),
    started: boolean('started').notNull(),
    earned: boolean('earned').notNull(),
    modules: jsonb('modules').$type<{ slug: string; done: number; total: number }[]>().notNull(),
    domains: jsonb('domains').$type<DomainScore[]>().notNull(),
    /**
     * The domain percents again, D1 to D6 (null: not assessed), as plain numbers: all an institution's
     * or the platform's rows need, read without the JSON (which is stored out of line, migration 0018).
     */
    domainPercents: smallint('domain_percents').array().$type<(number | null)[]>().notNull(),
    requirements: jsonb('requirements').$type<Requirement[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  // Readers reach a row from a cohort membership: (user, programme), the primary key.
  (t) => [primaryKey({ columns: [t.userId, t.programmeId] })],
);
