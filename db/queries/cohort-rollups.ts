import 'server-only';
// Readiness rows for many cohorts at once (an institution's, or every cohort of the platform), in a
// fixed number of queries whatever their number. The database sums the members whose readiness
// rollup row is current (cohort-rollup-sums.ts: counts by status, domain sums, the trend); the
// members whose row is missing or stale are recomputed in one batch, summarised by
// `summarizeMembers` (the function a cohort's own dashboard uses) and added by `rollUp`. Both
// halves apply the same rule (`statusRule`), so each row is what the cohort's dashboard shows. The
// caller has checked access. Nothing is kept between calls: the rollup is exact, so every view is
// as of its read.
import { summarizeMembers } from '@/lib/domain/cohorts';
import { type ReadinessRollup, emptyTrend, learnerSums, rollUp, statusRule } from '@/lib/domain/readiness';
import type { Db } from '../client';
import type { Cohort } from '../schema';
import { cohortFrame } from './cohort-readiness';
import { cohortSums } from './cohort-rollup-sums';
import { type ContentForReadiness, figuresKey, recomputeReadiness } from './readiness-rollup';

export type RolledCohort = Pick<Cohort, 'id' | 'programmeId' | 'createdAt' | 'dueDate'>;

/** Each cohort's readiness row: the database's sums of its current rows, plus its stale members recomputed here. */
export async function cohortRollups(db: Db, list: readonly RolledCohort[], catalog: ContentForReadiness, now: Date): Promise<Map<string, ReadinessRollup>> {
  const frames = new Map(list.map((c) => [c.id, cohortFrame(c, catalog)]));
  const rules = list.map((c) => {
    const frame = frames.get(c.id)!;
    return { id: c.id, rule: statusRule(frame.start, frame.dueDate, now) };
  });
  const sums = await cohortSums(db, rules, catalog, now);
  const stale = list.flatMap((c) => (sums.get(c.id)?.unsummed ?? []).map((m) => ({ userId: m.userId, programmeId: c.programmeId, seq: m.seq })));
  const figures = await recomputeReadiness(db, stale, catalog);
  const out = new Map<string, ReadinessRollup>();
  for (const cohort of list) {
    const mine = sums.get(cohort.id)!;
    const members = mine.unsummed.map((m) => ({ userId: m.userId, name: '', email: '', studentId: null, joinedAt: m.joinedAt }));
    const certified = new Set(mine.unsummed.filter((m) => m.certified).map((m) => m.userId));
    const recomputed = summarizeMembers(frames.get(cohort.id)!, members, (id) => figures.get(figuresKey(id, cohort.programmeId)), certified, now);
    out.set(cohort.id, rollUp([{ ...mine.summed, trend: mine.trend }, { ...learnerSums(recomputed.learners), trend: emptyTrend(now) }], now));
  }
  return out;
}
