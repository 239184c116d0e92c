// LTI 1.3: the LMS platforms an institution registered, the LMS identities linked to accounts,
// the courses mapped to cohorts, and the short-lived single-use rows a launch goes through.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';
import { cohorts } from './cohorts';
import { institutions } from './institutions';

/** What a platform declared about itself in LTI Dynamic Registration (its OpenID configuration and the registration's answer). */
export type DeclaredPlatform = { productFamilyCode: string; version: string | null; messages: string[]; scopes: string[] };

/**
 * A platform (a Moodle site, a Canvas account) registered by an institution's admin, by hand
 * (active at once) or by LTI Dynamic Registration (pending until one of its admins approves it).
 */
export const ltiPlatforms = pgTable(
  'lti_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** The deployment ids a launch may carry; any other is refused. */
    deploymentIds: text('deployment_ids').array().notNull(),
    authLoginUrl: text('auth_login_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    /** The programme a cohort created for one of this platform's courses follows. */
    programmeId: text('programme_id').notNull(),
    /** A pending platform's launches are refused until an admin of the institution approves it. */
    status: text('status', { enum: ['pending', 'active'] }).notNull().default('active'),
    /** Set for a dynamic registration: what the platform declared, shown to the admin who approves it. */
    declared: jsonb('declared').$type<DeclaredPlatform>(),
    /**
     * Embedded mode: the origins of the LMS pages allowed to frame this platform's launches (its LTI
     * pages only). Empty: launches open in a new window and every page refuses to be framed.
     */
    frameOrigins: text('frame_origins').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('lti_platforms_issuer_client_uq').on(t.issuer, t.clientId), index('lti_platforms_institution_idx').on(t.institutionId)],
);

/** An LMS identity (issuer + sub) and the account it signs in as. */
export const ltiLinks = pgTable(
  'lti_links',
  {
    issuer: text('issuer').notNull(),
    sub: text('sub').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id').references(() => ltiPlatforms.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.sub] }), index('lti_links_user_idx').on(t.userId)],
);

/** An LMS course (context) of a platform and the cohort it maps to. */
export const ltiContexts = pgTable(
  'lti_contexts',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    contextId: text('context_id').notNull(),
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    /** The course's Names and Role Provisioning Services memberships URL, from the latest launch that carried one. */
    membershipsUrl: text('memberships_url'),
    rosterSyncedAt: timestamp('roster_synced_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.contextId] }), index('lti_contexts_cohort_idx').on(t.cohortId)],
);

/** The OIDC login's state (hashed) and nonce, kept until the launch consumes them (once) or they expire. */
export const ltiLoginStates = pgTable(
  'lti_login_states',
  {
    stateHash: text('state_hash').primaryKey(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lti_login_states_expires_idx').on(t.expiresAt)],
);

/**
 * What a verified launch leaves for the next step, under a hashed single-use token: a sign-in
 * ticket redeemed by next-auth (`sign-in`), or an LMS identity waiting to be linked to an account
 * its holder signs in to (`link`).
 */
export const ltiTickets = pgTable(
  'lti_tickets',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: ['sign-in', 'link'] }).notNull(),
    /** What the LMS said the person is in the course (lib/domain/lti.ts). */
    lmsRole: text('lms_role', { enum: ['learner', 'instructor'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    sub: text('sub').notNull(),
    name: text('name'),
    email: text('email'),
    contextId: text('context_id'),
    contextTitle: text('context_title'),
    target: text('target').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lti_tickets_expires_idx').on(t.expiresAt)],
);

export type LtiPlatform = typeof ltiPlatforms.$inferSelect;
