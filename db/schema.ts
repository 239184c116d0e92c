import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['learner', 'instructor', 'admin']);
export const professionEnum = pgEnum('profession', ['student', 'doctor', 'other']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Accounts. Column names follow what next-auth's adapters expect, so an OAuth or email provider can be added later. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: timestamp('email_verified', { withTimezone: true }),
  image: text('image'),
  passwordHash: text('password_hash'),
  role: roleEnum('role').notNull().default('learner'),
  profession: professionEnum('profession').notNull().default('student'),
  institution: text('institution'),
  registrationNumber: text('registration_number'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Server-side sessions. The browser holds a signed token naming one row here; deleting the row
 * (sign-out, "sign out everywhere", an admin action) ends the session on the server at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Linked OAuth accounts (next-auth adapter shape; unused while only email + password is offered). */
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** One-time tokens (next-auth adapter shape): email sign-in links and password resets. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Append-only: the database refuses UPDATE and DELETE on this table (see the migration's trigger). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId), index('audit_log_at_idx').on(t.at)],
);

/** Every sign-in attempt, so failures can be rate limited per account and per address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Profession = (typeof professionEnum.enumValues)[number];

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
  },
  (t) => [
    index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId, t.startedAt),
    index('quiz_attempts_quiz_submitted_idx').on(t.quizId, t.submittedAt),
    uniqueIndex('quiz_attempts_one_open_uq').on(t.userId, t.quizId).where(sql`submitted_at is null`),
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
  ],
);

/**
 * An issued certificate: one per learner, programme and cycle (a recertification is the next
 * cycle), so a race to issue writes one row. It keeps a snapshot of the evidence and of the
 * content versions it was earned against, and the signed Open Badges credential.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    cycle: integer('cycle').notNull(),
    holderName: text('holder_name').notNull(),
    programmeTitle: text('programme_title').notNull(),
    cpdHours: doublePrecision('cpd_hours'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    contentVersions: jsonb('content_versions').$type<Record<string, string>>().notNull(),
    credential: text('credential').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [uniqueIndex('certificates_user_programme_cycle_uq').on(t.userId, t.programmeId, t.cycle), index('certificates_user_idx').on(t.userId)],
);

/** Universities and other bodies that run cohorts; a name is shared by all its cohorts. */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * A group of learners an instructor follows towards one programme by a due date. Learners join
 * with `joinCode` (short, typed by hand, unguessable); a closed cohort takes no new members.
 */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    programmeId: text('programme_id').notNull(),
    dueDate: timestamp('due_date', { withTimezone: true }).notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    joinCode: text('join_code').notNull().unique(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('cohorts_owner_idx').on(t.ownerId)],
);

/**
 * Who belongs to a cohort. Leaving sets `leftAt` and keeps the row (history); a learner may
 * rejoin, so uniqueness holds only among active memberships. A learner's data shows in a cohort
 * only while their membership is active.
 */
export const cohortMemberships = pgTable(
  'cohort_memberships',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cohort_memberships_active_uq').on(t.cohortId, t.userId).where(sql`left_at is null`),
    index('cohort_memberships_cohort_idx').on(t.cohortId),
    index('cohort_memberships_user_idx').on(t.userId),
  ],
);

/** An invitation for an email with no account yet (from a roster import); one pending per cohort and email. */
export const cohortInvitations = pgTable(
  'cohort_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('cohort_invitations_pending_uq').on(t.cohortId, t.email).where(sql`accepted_at is null`)],
);

export type Cohort = typeof cohorts.$inferSelect;
