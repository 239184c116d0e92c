import 'server-only';
// The LMS courses a cohort is linked to, and what a roster sync (LTI NRPS) changes in it.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { cohortMemberships, ltiContexts, ltiLinks, ltiPlatforms, users } from '../schema';
import { recordAudit } from './audit';
import { getCohortForStaff } from './cohorts';
import type { Actor } from './users';

/** The LMS courses linked to a cohort its staff run, with their platform and when the roster was last synced. */
export async function lmsCoursesOf(db: Db, actor: Actor, cohortId: string) {
  await getCohortForStaff(db, actor, cohortId);
  return coursesOf(db, cohortId);
}

function coursesOf(db: Db, cohortId: string) {
  return db
    .select({
      contextId: ltiContexts.contextId,
      membershipsUrl: ltiContexts.membershipsUrl,
      rosterSyncedAt: ltiContexts.rosterSyncedAt,
      platform: { id: ltiPlatforms.id, name: ltiPlatforms.name, issuer: ltiPlatforms.issuer, clientId: ltiPlatforms.clientId, tokenUrl: ltiPlatforms.tokenUrl, institutionId: ltiPlatforms.institutionId, createdBy: ltiPlatforms.createdBy },
    })
    .from(ltiContexts)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(eq(ltiContexts.cohortId, cohortId))
    .orderBy(asc(ltiPlatforms.name), asc(ltiContexts.contextId));
}

export type LmsCourse = Awaited<ReturnType<typeof coursesOf>>[number];

/** The cohort (whether it is closed) and its LMS courses, for a roster sync by its staff. */
export async function cohortForRosterSync(db: Db, actor: Actor, cohortId: string) {
  const cohort = await getCohortForStaff(db, actor, cohortId);
  return { closed: cohort.closedAt !== null, courses: await coursesOf(db, cohortId) };
}

/** Active members of the cohort whose LMS identity on this issuer is linked, by their `sub`. */
export function linkedActiveMembers(db: Db, cohortId: string, issuer: string) {
  return db
    .select({ userId: cohortMemberships.userId, sub: ltiLinks.sub })
    .from(cohortMemberships)
    .innerJoin(ltiLinks, and(eq(ltiLinks.userId, cohortMemberships.userId), eq(ltiLinks.issuer, issuer)))
    .where(and(eq(cohortMemberships.cohortId, cohortId), isNull(cohortMemberships.leftAt)));
}

/** The accounts linked to these LMS identities of one issuer, with their platform role. */
export async function linkedAccounts(db: Db, issuer: string, subs: readonly string[]) {
  if (subs.length === 0) return new Map<string, { id: string; role: string }>();
  const rows = await db
    .select({ sub: ltiLinks.sub, id: users.id, role: users.role })
    .from(ltiLinks)
    .innerJoin(users, eq(users.id, ltiLinks.userId))
    .where(and(eq(ltiLinks.issuer, issuer), inArray(ltiLinks.sub, [...subs])));
  return new Map(rows.map((r) => [r.sub, { id: r.id, role: r.role }]));
}

/** Notes a finished sync of one course (audited, with its counts). */
export async function markRosterSynced(db: Db, actor: Actor | null, cohortId: string, course: { platformId: string; contextId: string }, counts: Record<string, number>, now: Date) {
  await db.transaction(async (tx) => {
    await tx
      .update(ltiContexts)
      .set({ rosterSyncedAt: now })
      .where(and(eq(ltiContexts.platformId, course.platformId), eq(ltiContexts.contextId, course.contextId)));
    await recordAudit(tx, { actorId: actor?.id ?? null, action: 'lti.roster.synced', subjectType: 'cohort', subjectId: cohortId, detail: { platformId: course.platformId, contextId: course.contextId, ...counts } });
  });
}
