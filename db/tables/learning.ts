// What learners do: lesson completions, quiz attempts, virtual-consult attempts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DomainCredit } from '@/lib/domain/readiness';
import { users } from './accounts';

/**
 * One row per learner and lesson completed. The unique key makes completion idempotent: marking
 * twice, a double tap or an offline sync replayed, never adds a second row.
 */
export const lessonCompletions = pgTable(
  'lesson_completions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleSlug: text('module_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    contentHash: text('content_hash').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lesson_completions_user_lesson_uq').on(t.userId, t.moduleSlug, t.lessonSlug)],
);

/**
 * A quiz attempt: the paper drawn (question and option order, from `seed`), the answers saved as
 * the learner goes, and the grade once submitted. At most one open attempt per learner and quiz.
 * Submitting sets `submittedAt` only where it is still null, so a double submit grades once.
 */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    quizId: text('quiz_id').notNull(),
    contentHash: text('content_hash').notNull(),
    seed: integer('seed').notNull(),
    paper: jsonb('paper').$type<{ questionId: string; optionOrder: string[] }[]>().notNull(),
    answers: jsonb('answers').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    deadline: timestamp('deadline', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    grade: jsonb('grade').$type<Record<string, unknown>>(),
    score: doublePrecision('score'),
    passed: boolean('passed'),
    /** The grade summed per competency domain at submission (null on attempts graded before it existed). */
    domainCredit: jsonb('domain_credit').$type<DomainCredit>(),
  },
  (t) => [
    index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId, t.startedAt),
    index('quiz_attempts_quiz_submitted_idx').on(t.quizId, t.submittedAt),
    uniqueIndex('quiz_attempts_one_open_uq').on(t.userId, t.quizId).where(sql`submitted_at is null`),
    // The recovery pass closes open attempts whose time is up without scanning every attempt.
    index('quiz_attempts_open_deadline_idx').on(t.deadline).where(sql`submitted_at is null and deadline is not null`),
  ],
);

/**
 * A virtual-consult attempt: the engine's state as JSON, advanced one step at a time. `step`
 * mirrors the state's step so an update can require the step it expects (a replay or double
 * click advances once). At most one unfinished attempt per learner and case.
 */
export const consultAttempts = pgTable(
  'consult_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    contentHash: text('content_hash').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    step: integer('step').notNull().default(0),
    note: jsonb('note').$type<Record<string, string>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    score: doublePrecision('score'),
    passed: boolean('passed'),
    criticalErrors: jsonb('critical_errors').$type<string[]>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('consult_attempts_user_case_idx').on(t.userId, t.caseId, t.startedAt),
    index('consult_attempts_case_finished_idx').on(t.caseId, t.finishedAt),
    uniqueIndex('consult_attempts_one_open_uq').on(t.userId, t.caseId).where(sql`finished_at is null`),
    // A cohort dashboard's "most common critical errors": only the few attempts that committed one, by learner.
    index('consult_attempts_critical_idx').on(t.userId).where(sql`finished_at is not null and jsonb_array_length(critical_errors) > 0`),
  ],
);

/**
 * Requests replayed from a device's offline queue: each carries an idempotency key, and this
 * table's primary key is what makes a retried sync add nothing. The first response is kept and
 * returned again to a retry.
 */
export const syncReceipts = pgTable(
  'sync_receipts',
  {
    key: text('key').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    operation: text('operation').notNull(),
    response: jsonb('response').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sync_receipts_user_idx').on(t.userId, t.receivedAt)],
);
