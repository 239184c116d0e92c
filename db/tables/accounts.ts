// Accounts, sessions, the audit log and sign-in attempts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';


// The order is the database's (a value added later goes last); what each role may do is lib/domain/roles.ts.
export const roleEnum = pgEnum('role', ['learner', 'instructor', 'admin', 'reviewer']);
export const professionEnum = pgEnum('profession', ['student', 'doctor', 'other']);

/** The creation time column every table shares. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

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
  /** When the person asked to delete the account: erased 14 days later unless they sign in before (lib/privacy). */
  deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
  /** When the account was erased: the row stays, pseudonymised, so certificates and cohort histories can say "deleted learner". */
  erasedAt: timestamp('erased_at', { withTimezone: true }),
  /** The interface language the person last chose (`en`, `ur`); null until they switch. Applied at sign-in on any device. */
  locale: text('locale'),
}, (t) => [
  // The recovery pass looks for requests whose grace period is over without reading every account.
  index('users_deletion_due_idx').on(t.deletionRequestedAt).where(sql`deletion_requested_at is not null and erased_at is null`),
]);

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
    /** When the session was last used, written at most every 5 minutes: the idle timeout reads it. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
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
 * Single-use links sent by e-mail: verifying an address, resetting a password, confirming a new
 * address. Only a hash of the token is stored (the link holds the token itself); a newer token of
 * the same purpose replaces the older ones.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify-email', 'reset-password', 'change-email'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The address the token proves the holder can read. */
    email: text('email').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId, t.purpose)],
);

/** Requests counted against a limit (password resets per address and per client, verification e-mails per account…). Keys are hashed. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_hits_idx').on(t.bucket, t.key, t.at)],
);
