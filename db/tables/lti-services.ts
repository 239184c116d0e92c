// LTI Advantage services: the resource links launches came through (with the gradebook line item
// the platform gave each), the scores posted to those line items, and the deep-linking requests
// waiting for an instructor's choice.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, users } from './accounts';
import { learningEvents } from './events';
import { ltiPlatforms } from './lti';

/**
 * A resource link (an activity in an LMS course), recorded at each launch: what it points at here
 * and, when the platform offers Assignment and Grade Services, its line item and granted scopes.
 */
export const ltiResourceLinks = pgTable(
  'lti_resource_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    resourceLinkId: text('resource_link_id').notNull(),
    contextId: text('context_id'),
    title: text('title'),
    /** What the link lands on, as `quiz:<id>`, `consult:<id>`, `programme:<id>`, `module:<slug>` or `page` (lib/domain/lti-activity.ts). */
    activity: text('activity').notNull(),
    /** The AGS line item scores are posted to (`…/scores` is appended to its path). */
    lineItemUrl: text('line_item_url'),
    lineItemsUrl: text('line_items_url'),
    agsScopes: text('ags_scopes').array().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('lti_resource_links_uq').on(t.platformId, t.resourceLinkId), index('lti_resource_links_activity_idx').on(t.platformId, t.activity)],
);

/**
 * One score owed to one line item for one learning event. Its body is fixed when it is first
 * written, so a retry posts the same score with the same timestamp (which the platform keeps once).
 */
export const ltiGradePosts = pgTable(
  'lti_grade_posts',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => learningEvents.id, { onDelete: 'cascade' }),
    resourceLinkId: uuid('resource_link_id')
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lineItemUrl: text('line_item_url').notNull(),
    /** The AGS score object, including the learner's LMS `userId` (their `sub`). */
    score: jsonb('score').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** `sent`: the platform accepted it; `refused`: it answered a 4xx such as "not gradable" (not retried). */
    outcome: text('outcome', { enum: ['sent', 'refused'] }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.resourceLinkId] }), index('lti_grade_posts_link_idx').on(t.resourceLinkId, t.createdAt), index('lti_grade_posts_user_idx').on(t.userId)],
);

/** A Deep Linking request from an instructor, waiting (for 30 minutes) for what they pick here. */
export const ltiDeepLinks = pgTable(
  'lti_deep_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    /** The LMS identity that asked: only the account linked to it may answer. */
    issuer: text('issuer').notNull(),
    sub: text('sub').notNull(),
    deploymentId: text('deployment_id').notNull(),
    returnUrl: text('return_url').notNull(),
    /** The platform's opaque `data`, returned as is. */
    data: text('data'),
    contextTitle: text('context_title'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lti_deep_links_expires_idx').on(t.expiresAt)],
);

export type LtiResourceLink = typeof ltiResourceLinks.$inferSelect;
