// The cohort rows of the institution and national views as they were worked out before the
// database summed them (issue 20): every active member's figures read from the rollup, each cohort
// summarised in JavaScript by `summarizeMembers` and reduced by `cohortRollup`. Kept as the oracle
// the summing in SQL (db/queries/cohort-rollups.ts) must agree with.
import { and, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cohortFrame } from '@/db/queries/cohort-readiness';
import type { RolledCohort } from '@/db/queries/cohort-rollups';
import { type ContentForReadiness, figuresKey, membersReadiness } from '@/db/queries/readiness-rollup';
import { certificates, cohortMemberships } from '@/db/schema';
import { summarizeMembers } from '@/lib/domain/cohorts';
import { type ReadinessRollup, cohortRollup } from '@/lib/domain/readiness';

/** Each cohort's readiness row, summarised member by member in JavaScript. */
export async function cohortRollupsInJs(db: Db, list: readonly RolledCohort[], catalog: ContentForReadiness, now: Date): Promise<Map<string, ReadinessRollup>> {
  const out = new Map<string, ReadinessRollup>();
  const [first, ...rest] = list.map((c) => c.id);
  if (first === undefined) return out;
  const active = and(inArray(cohortMemberships.cohortId, [first, ...rest]), isNull(cohortMemberships.leftAt));
  const { members, figures } = await membersReadiness(db, list, catalog, { view: 'rollup' });
  const held = await db
    .select({ userId: certificates.userId, programmeId: certificates.programmeId, issuedAt: certificates.issuedAt, expiresAt: certificates.expiresAt })
    .from(certificates)
    .where(and(inArray(certificates.userId, db.selectDistinct({ id: cohortMemberships.userId }).from(cohortMemberships).where(active)), isNull(certificates.revokedAt), lte(certificates.issuedAt, now)));
  for (const cohort of list) {
    const mine = members.filter((m) => m.cohortId === cohort.id).map((m) => ({ userId: m.userId, name: '', email: '', studentId: null, joinedAt: m.joinedAt }));
    const certified = new Set<string>();
    const issued: Date[] = [];
    for (const m of mine) {
      const programmeCerts = held.filter((c) => c.userId === m.userId && c.programmeId === cohort.programmeId);
      if (programmeCerts.some((c) => c.expiresAt.getTime() > now.getTime())) certified.add(m.userId);
      issued.push(...programmeCerts.map((c) => c.issuedAt));
    }
    const summary = summarizeMembers(cohortFrame(cohort, catalog), mine, (id) => figures.get(figuresKey(id, cohort.programmeId)), certified, now);
    out.set(cohort.id, cohortRollup(summary.learners, issued, now));
  }
  return out;
}
