// Cohorts: cohorts, their co-teachers, memberships and invitations (institutions: ./institutions).
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';
import { institutions } from './institutions';


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
    /** Bumped by the event path whenever membership changes, so a summary kept by any server instance is known to be stale. */
    membershipVersion: integer('membership_version').notNull().default(0),
  },
  (t) => [index('cohorts_owner_idx').on(t.ownerId), index('cohorts_institution_idx').on(t.institutionId)],
);

/** Colleagues who co-teach a cohort with its owner: the same view and powers over it. */
export const cohortStaff = pgTable(
  'cohort_staff',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_staff_user_idx').on(t.userId)],
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
    /** The registrar's identifier, from the roster invitation the learner accepted. */
    studentId: text('student_id'),
  },
  (t) => [
    uniqueIndex('cohort_memberships_active_uq').on(t.cohortId, t.userId).where(sql`left_at is null`),
    index('cohort_memberships_cohort_idx').on(t.cohortId),
    index('cohort_memberships_user_idx').on(t.userId),
  ],
);

/**
 * An invitation to join a cohort, sent by e-mail to an address from a roster or a single invite.
 * Nobody joins without accepting it. Only a hash of its token is stored (the e-mailed link holds
 * the token); `userId` is the account that had the address when it was sent, if any. One open
 * invitation per cohort and address.
 */
export const cohortInvitations = pgTable(
  'cohort_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** The registrar's identifier for the student, from the roster; kept on the membership and in the export. */
    studentId: text('student_id'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The latest e-mail that carried it. */
    mailId: uuid('mail_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cohort_invitations_open_uq').on(t.cohortId, t.email).where(sql`accepted_at is null and declined_at is null and revoked_at is null`),
    index('cohort_invitations_email_idx').on(t.email),
  ],
);

export type Cohort = typeof cohorts.$inferSelect;
