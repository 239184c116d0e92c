// Clinical review: each reviewer's decision on one version of one content item, kept for good.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * One decision on one item (a lesson, quiz question, case or reference, or a translation: lib/domain/review/types.ts) at one content hash:
 * signed off, or changes requested with a comment. Append-only (the database refuses UPDATE and
 * DELETE, see the migration's trigger): the latest decision on an item's current hash is its
 * state, and an edit that changes the hash leaves every earlier decision behind as history.
 */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The same list as lib/domain/review itemKinds (a text column: a new kind needs no migration).
    itemKind: text('item_kind', { enum: ['lesson', 'question', 'case', 'reference', 'urdu-case', 'urdu-phrases', 'urdu-interface'] }).notNull(),
    itemId: text('item_id').notNull(),
    contentHash: text('content_hash').notNull(),
    decision: text('decision', { enum: ['signed-off', 'changes-requested'] }).notNull(),
    comment: text('comment'),
    // No cascade: an account that has signed off content is part of the accreditation record.
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    /** The reviewer's name when they decided, as the record and learners read it. */
    reviewerName: text('reviewer_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** One key per form shown: a double submit records one decision. */
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (t) => [
    index('review_decisions_item_idx').on(t.itemKind, t.itemId, t.decidedAt),
    index('review_decisions_decided_idx').on(t.decidedAt),
    uniqueIndex('review_decisions_key_uq').on(t.reviewerId, t.idempotencyKey),
  ],
);

export type ReviewDecisionRow = typeof reviewDecisions.$inferSelect;
