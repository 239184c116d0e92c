import 'server-only';
// Readiness rows for many cohorts at once (an institution's, or every cohort of the platform), in a
// fixed number of queries whatever their number: each member's figures come from the readiness
// rollup (stale rows recomputed first), each cohort is summarised by `summarizeMembers`, the
// function its own dashboard uses, then reduced to a row by `cohortRollup`. The caller has checked
// access. Nothing is kept between calls: the rollup is exact, so every view is as of its read.
import { and, inArray, isNull, lte } from 'drizzle-orm';
import { summarizeMembers } from '@/lib/domain/cohorts';
import { type ReadinessRollup, cohortRollup } from '@/lib/domain/readiness';
import type { Db } from '../client';
import { type Cohort, certificates, cohortMemberships } from '../schema';
import { type ContentForReadiness, cohortFrame } from './cohort-readiness';
import { figuresKey, membersReadiness } from './readiness-rollup';

export type RolledCohort = Pick<Cohort, 'id' | 'programmeId' | 'createdAt' | 'dueDate'>;

function groupOf<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** Each cohort's readiness row, from the figures of all their members, read together. */
export async function cohortRollups(db: Db, list: readonly RolledCohort[], catalog: ContentForReadiness, now: Date): Promise<Map<string, ReadinessRollup>> {
  const out = new Map<string, ReadinessRollup>();
  const [first, ...rest] = list.map((c) => c.id);
  if (first === undefined) return out;
  const active = and(inArray(cohortMemberships.cohortId, [first, ...rest]), isNull(cohortMemberships.leftAt));
  const [{ members, figures }, held] = await Promise.all([
    membersReadiness(db, list, catalog, { view: 'rollup' }),
    db
      .select({ userId: certificates.userId, programmeId: certificates.programmeId, issuedAt: certificates.issuedAt, expiresAt: certificates.expiresAt })
      .from(certificates)
      .where(and(inArray(certificates.userId, db.selectDistinct({ id: cohortMemberships.userId }).from(cohortMemberships).where(active)), isNull(certificates.revokedAt), lte(certificates.issuedAt, now))),
  ]);
  const certs = groupOf(held, (c) => c.userId);
  const membersOf = groupOf(members, (m) => m.cohortId);

  for (const cohort of list) {
    const mine = (membersOf.get(cohort.id) ?? []).map((m) => ({ userId: m.userId, name: '', email: '', studentId: null, joinedAt: m.joinedAt }));
    const certified = new Set<string>();
    const issued: Date[] = [];
    for (const m of mine) {
      const programmeCerts = (certs.get(m.userId) ?? []).filter((c) => c.programmeId === cohort.programmeId);
      // Valid now, as the cohort dashboard counts it: issued, not revoked, not expired.
      if (programmeCerts.some((c) => c.expiresAt.getTime() > now.getTime())) certified.add(m.userId);
      issued.push(...programmeCerts.map((c) => c.issuedAt));
    }
    const summary = summarizeMembers(cohortFrame(cohort, catalog), mine, (id) => figures.get(figuresKey(id, cohort.programmeId)), certified, now);
    out.set(cohort.id, cohortRollup(summary.learners, issued, now));
  }
  return out;
}
