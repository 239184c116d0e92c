import 'server-only';
// Scores owed to LMS gradebooks (LTI Assignment and Grade Services): which line items a learning
// event scores, one row per (event, line item) with its body fixed, marked once the platform answers.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { agsScoreScope } from '@/lib/domain/lti-activity';
import type { Db } from '../client';
import { cohortMemberships, learningEvents, ltiContexts, ltiGradePosts, ltiLinks, ltiPlatforms, ltiResourceLinks, users } from '../schema';
import { getCohortForStaff } from './cohorts';
import type { Actor } from './users';

/**
 * The line items a score for this activity goes to: resource links pointing at it whose platform
 * granted the score scope, in courses whose cohort the learner is an active member of, on a
 * platform where the learner's LMS identity is linked (its `sub` is the score's `userId`).
 */
export function gradeTargets(db: Db, userId: string, activity: string) {
  return db
    .selectDistinct({ resourceLinkId: ltiResourceLinks.id, lineItemUrl: ltiResourceLinks.lineItemUrl, sub: ltiLinks.sub })
    .from(ltiResourceLinks)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiResourceLinks.platformId))
    .innerJoin(ltiContexts, and(eq(ltiContexts.platformId, ltiResourceLinks.platformId), eq(ltiContexts.contextId, ltiResourceLinks.contextId)))
    .innerJoin(cohortMemberships, and(eq(cohortMemberships.cohortId, ltiContexts.cohortId), eq(cohortMemberships.userId, userId), isNull(cohortMemberships.leftAt)))
    .innerJoin(ltiLinks, and(eq(ltiLinks.issuer, ltiPlatforms.issuer), eq(ltiLinks.userId, userId)))
    .where(and(eq(ltiResourceLinks.activity, activity), sql`${ltiResourceLinks.lineItemUrl} is not null`, sql`${agsScoreScope} = any(${ltiResourceLinks.agsScopes})`));
}

export type NewGradePost = { eventId: string; resourceLinkId: string; userId: string; lineItemUrl: string; score: Record<string, unknown> };

/** Writes the scores owed for an event; those already written keep their body (a retry adds nothing). */
export async function queueGradePosts(db: Db, rows: readonly NewGradePost[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(ltiGradePosts)
    .values(rows.map((r) => ({ ...r, createdAt: now })))
    .onConflictDoNothing();
}

/** The event's scores not yet accepted or refused, with the platform to ask for a token. */
export function pendingGradePosts(db: Db, eventId: string) {
  return db
    .select({
      resourceLinkId: ltiGradePosts.resourceLinkId,
      lineItemUrl: ltiGradePosts.lineItemUrl,
      score: ltiGradePosts.score,
      platform: { id: ltiPlatforms.id, clientId: ltiPlatforms.clientId, tokenUrl: ltiPlatforms.tokenUrl },
    })
    .from(ltiGradePosts)
    .innerJoin(ltiResourceLinks, eq(ltiResourceLinks.id, ltiGradePosts.resourceLinkId))
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiResourceLinks.platformId))
    .where(and(eq(ltiGradePosts.eventId, eventId), isNull(ltiGradePosts.doneAt)));
}

const key = (eventId: string, resourceLinkId: string) => and(eq(ltiGradePosts.eventId, eventId), eq(ltiGradePosts.resourceLinkId, resourceLinkId), isNull(ltiGradePosts.doneAt));

/** Marks a score accepted, or refused for good with the platform's reason. */
export async function finishGradePost(db: Db, eventId: string, resourceLinkId: string, outcome: 'sent' | 'refused', reason: string | null, now: Date) {
  await db
    .update(ltiGradePosts)
    .set({ outcome, doneAt: now, lastError: reason?.slice(0, 1000) ?? null, attempts: sql`${ltiGradePosts.attempts} + 1` })
    .where(key(eventId, resourceLinkId));
}

/** Records a failed try (the outbox delivery retries it later, with its backoff). */
export async function failGradePost(db: Db, eventId: string, resourceLinkId: string, error: string) {
  await db
    .update(ltiGradePosts)
    .set({ lastError: error.slice(0, 1000), attempts: sql`${ltiGradePosts.attempts} + 1` })
    .where(key(eventId, resourceLinkId));
}

/** The "grade sync" view of a cohort linked to LMS courses (its staff and the institution's admins): newest first. */
export async function gradeSyncFor(db: Db, actor: Actor, cohortId: string, limit = 200) {
  await getCohortForStaff(db, actor, cohortId);
  return db
    .select({
      eventId: ltiGradePosts.eventId,
      resourceLinkId: ltiGradePosts.resourceLinkId,
      kind: learningEvents.kind,
      learner: users.name,
      activity: ltiResourceLinks.title,
      target: ltiResourceLinks.activity,
      score: ltiGradePosts.score,
      attempts: ltiGradePosts.attempts,
      outcome: ltiGradePosts.outcome,
      lastError: ltiGradePosts.lastError,
      createdAt: ltiGradePosts.createdAt,
      doneAt: ltiGradePosts.doneAt,
    })
    .from(ltiContexts)
    .innerJoin(ltiResourceLinks, and(eq(ltiResourceLinks.platformId, ltiContexts.platformId), eq(ltiResourceLinks.contextId, ltiContexts.contextId)))
    .innerJoin(ltiGradePosts, eq(ltiGradePosts.resourceLinkId, ltiResourceLinks.id))
    .innerJoin(learningEvents, eq(learningEvents.id, ltiGradePosts.eventId))
    .innerJoin(users, eq(users.id, ltiGradePosts.userId))
    .where(eq(ltiContexts.cohortId, cohortId))
    .orderBy(desc(ltiGradePosts.createdAt))
    .limit(limit);
}
