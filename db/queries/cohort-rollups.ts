import 'server-only';
// Readiness rows for many cohorts at once (an institution's, or every cohort of the platform), in a
// fixed number of queries whatever their number: each cohort is summarised by `summarizeCohort`,
// the function its own dashboard uses, then reduced to a row by `cohortRollup`. The caller has
// checked access. Rows are kept a minute per cohort, like the cohort dashboard's summaries.
import { and, inArray, isNull, lte } from 'drizzle-orm';
import type { CohortEvidenceRows } from '@/lib/domain/cohorts';
import { summarizeCohort } from '@/lib/domain/cohorts';
import { type ReadinessRollup, cohortRollup, monthOf } from '@/lib/domain/readiness';
import type { Db } from '../client';
import { type Cohort, certificates, cohortMemberships } from '../schema';
import { type ContentForReadiness, cohortFrame } from './cohort-readiness';
import { loadLearnerRows } from './readiness';

export type RolledCohort = Pick<Cohort, 'id' | 'programmeId' | 'createdAt' | 'dueDate' | 'membershipVersion'>;

type Evidence = Omit<CohortEvidenceRows, 'members' | 'certified'>;
type PerLearner = { [K in keyof Evidence]: Evidence[K][number][] };

/** Rows of several lists grouped by learner, so each cohort picks its members' rows without scanning the others'. */
function byLearner(rows: Evidence): Map<string, PerLearner> {
  const out = new Map<string, PerLearner>();
  const slot = (userId: string) => {
    let s = out.get(userId);
    if (!s) out.set(userId, (s = { completions: [], quizzes: [], consults: [], domains: [] }));
    return s;
  };
  for (const r of rows.completions) slot(r.userId).completions.push(r);
  for (const r of rows.quizzes) slot(r.userId).quizzes.push(r);
  for (const r of rows.consults) slot(r.userId).consults.push(r);
  for (const r of rows.domains) slot(r.userId).domains.push(r);
  return out;
}

function groupOf<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** Summarises each cohort from the rows of all of them, read together. */
async function computeRollups(db: Db, list: readonly RolledCohort[], catalog: ContentForReadiness, now: Date): Promise<Map<string, ReadinessRollup>> {
  const out = new Map<string, ReadinessRollup>();
  const [first, ...rest] = list.map((c) => c.id);
  if (first === undefined) return out;
  const ids: [string, ...string[]] = [first, ...rest];
  const active = and(inArray(cohortMemberships.cohortId, ids), isNull(cohortMemberships.leftAt));
  const [members, held, rows] = await Promise.all([
    db.select({ cohortId: cohortMemberships.cohortId, userId: cohortMemberships.userId, joinedAt: cohortMemberships.joinedAt }).from(cohortMemberships).where(active),
    db
      .select({ userId: certificates.userId, programmeId: certificates.programmeId, issuedAt: certificates.issuedAt, expiresAt: certificates.expiresAt })
      .from(certificates)
      .where(and(inArray(certificates.userId, db.selectDistinct({ id: cohortMemberships.userId }).from(cohortMemberships).where(active)), isNull(certificates.revokedAt), lte(certificates.issuedAt, now))),
    loadLearnerRows(db, { cohortIds: ids }, catalog),
  ]);
  const evidence = byLearner(rows);
  const certs = groupOf(held, (c) => c.userId);
  const membersOf = groupOf(members, (m) => m.cohortId);

  for (const cohort of list) {
    const mine = membersOf.get(cohort.id) ?? [];
    const cohortRows: CohortEvidenceRows = { members: [], completions: [], quizzes: [], consults: [], certified: [], domains: [] };
    const issued: Date[] = [];
    for (const m of mine) {
      cohortRows.members.push({ userId: m.userId, name: '', email: '', studentId: null, joinedAt: m.joinedAt });
      const e = evidence.get(m.userId);
      if (e) {
        cohortRows.completions.push(...e.completions);
        cohortRows.quizzes.push(...e.quizzes);
        cohortRows.consults.push(...e.consults);
        cohortRows.domains.push(...e.domains);
      }
      const programmeCerts = (certs.get(m.userId) ?? []).filter((c) => c.programmeId === cohort.programmeId);
      // Valid now, as the cohort dashboard counts it: issued, not revoked, not expired.
      if (programmeCerts.some((c) => c.expiresAt.getTime() > now.getTime())) cohortRows.certified.push({ userId: m.userId });
      issued.push(...programmeCerts.map((c) => c.issuedAt));
    }
    const summary = summarizeCohort(cohortFrame(cohort, catalog), cohortRows, now);
    out.set(cohort.id, cohortRollup(summary.learners, issued, now));
  }
  return out;
}

const ROLLUP_TTL_MS = 60_000;
const kept = new Map<string, { at: number; version: number; window: string; value: ReadinessRollup }>();

/**
 * Each cohort's readiness row, reusing one worked out less than a minute ago for the same
 * membership and trend window; the rest are computed together. Returns the rows and the time of
 * the oldest figure used.
 */
export async function cohortRollups(db: Db, list: readonly RolledCohort[], catalog: ContentForReadiness, now: Date, maxAgeMs = ROLLUP_TTL_MS) {
  const window = monthOf(now);
  const fresh = (c: RolledCohort) => {
    const k = kept.get(c.id);
    return k && k.version === c.membershipVersion && k.window === window && now.getTime() - k.at < maxAgeMs ? k : undefined;
  };
  const missing = list.filter((c) => !fresh(c));
  const computed = await computeRollups(db, missing, catalog, now);
  for (const c of missing) kept.set(c.id, { at: now.getTime(), version: c.membershipVersion, window, value: computed.get(c.id)! });
  for (const [id, entry] of kept) if (now.getTime() - entry.at >= ROLLUP_TTL_MS) kept.delete(id);
  let oldest = now.getTime();
  const rows = new Map<string, ReadinessRollup>();
  for (const c of list) {
    const k = fresh(c) ?? { at: now.getTime(), value: computed.get(c.id)! };
    oldest = Math.min(oldest, k.at);
    rows.set(c.id, k.value);
  }
  return { rows, computedAt: new Date(oldest) };
}
