import 'server-only';
// The clinical review record: decisions on content items, written by reviewers and admins only.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Decision, type DecisionKind, type ItemKind, type ItemRef } from '@/lib/domain/review';
import { canReview } from '@/lib/domain/roles';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { reviewDecisions, users } from '../schema';
import { recordAudit } from './audit';
import { appendEvent } from './events';
import type { Actor } from './users';

export type NewDecision = ItemRef & { hash: string; decision: DecisionKind; comment: string | null; idempotencyKey: string };

const publicColumns = {
  kind: reviewDecisions.itemKind,
  id: reviewDecisions.itemId,
  decisionId: reviewDecisions.id,
  hash: reviewDecisions.contentHash,
  decision: reviewDecisions.decision,
  reviewerName: reviewDecisions.reviewerName,
  decidedAt: reviewDecisions.decidedAt,
};
const columns = { ...publicColumns, comment: reviewDecisions.comment };

/**
 * Records a reviewer's decision on one version of one item, with its audit entry and, for a
 * sign-off, its `content.signed-off` event, in one transaction. Only reviewers and admins may
 * decide; a request for changes needs a comment. The form's key makes a double submit record
 * once: the repeat returns the first decision with `created: false`.
 */
export async function recordReviewDecision(db: Db, actor: Actor, input: NewDecision, now: Date): Promise<{ decision: Decision; created: boolean }> {
  if (!canReview(actor.role)) throw new AppError('forbidden', 'recordReviewDecision');
  const comment = input.comment?.trim() || null;
  if (input.decision === 'changes-requested' && !comment) throw new AppError('bad_request', 'a request for changes needs a comment');
  return db.transaction(async (tx) => {
    const [reviewer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    if (!reviewer) throw new AppError('not_found', `reviewer ${actor.id}`);
    const [row] = await tx
      .insert(reviewDecisions)
      .values({
        itemKind: input.kind,
        itemId: input.id,
        contentHash: input.hash,
        decision: input.decision,
        comment,
        reviewerId: actor.id,
        reviewerName: reviewer.name,
        decidedAt: now,
        idempotencyKey: input.idempotencyKey,
      })
      .onConflictDoNothing({ target: [reviewDecisions.reviewerId, reviewDecisions.idempotencyKey] })
      .returning(columns);
    if (!row) {
      const [first] = await tx
        .select(columns)
        .from(reviewDecisions)
        .where(and(eq(reviewDecisions.reviewerId, actor.id), eq(reviewDecisions.idempotencyKey, input.idempotencyKey)));
      if (!first) throw new AppError('conflict', 'review decision key');
      return { decision: first, created: false };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: row.decision === 'signed-off' ? 'content.signed_off' : 'content.changes_requested',
      subjectType: 'content',
      subjectId: `${row.kind}:${row.id}`,
      detail: { decisionId: row.decisionId, hash: row.hash, comment },
    });
    if (row.decision === 'signed-off') {
      const payload = { decisionId: row.decisionId, itemKind: row.kind, itemId: row.id, hash: row.hash };
      await appendEvent(tx, { kind: 'content.signed-off', sourceId: row.decisionId, userId: null, payload, occurredAt: now });
    }
    return { decision: row, created: true };
  });
}

/** The whole record with its comments, oldest first, for reviewers and admins (the content pages, the CSV). */
export async function listReviewDecisions(db: Db, actor: Actor, item?: ItemRef): Promise<Decision[]> {
  if (!canReview(actor.role)) throw new AppError('forbidden', 'listReviewDecisions');
  return db
    .select(columns)
    .from(reviewDecisions)
    .where(item ? and(eq(reviewDecisions.itemKind, item.kind), eq(reviewDecisions.itemId, item.id)) : undefined)
    .orderBy(asc(reviewDecisions.decidedAt));
}

/**
 * Who decided what on which version, and when, without the comments (they are for the authors,
 * not for learners): what the learner-facing lines and the certificate rule read. With `kind` and
 * `ids`, only those items.
 */
export async function signOffRecord(db: Db, only?: { kind: ItemKind; ids: readonly string[] }): Promise<Decision[]> {
  if (only && only.ids.length === 0) return [];
  const rows = await db
    .select(publicColumns)
    .from(reviewDecisions)
    .where(only ? and(eq(reviewDecisions.itemKind, only.kind), inArray(reviewDecisions.itemId, [...only.ids])) : undefined)
    .orderBy(asc(reviewDecisions.decidedAt));
  return rows.map((r) => ({ ...r, comment: null }));
}
