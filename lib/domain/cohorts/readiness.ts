// A cohort's readiness from aggregated evidence rows: per learner status, progress and domain
// scores (by `learnerReadiness`, the same function the learner's own pages use), and the
// cohort's counts. Pure: the database reads and `now` come in.
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import type { ModuleOutline } from '@/lib/domain/curriculum/progress';
import { type LearnerProgramme, type LearnerRows, type ReadinessStatus, learnerReadiness, readinessStatus } from '@/lib/domain/readiness';

type PerLearner<T> = T & { userId: string };

/** What the database returns for a cohort's active members, already grouped per learner and item. */
export type CohortEvidenceRows = {
  members: { userId: string; name: string; email: string; studentId: string | null; joinedAt: Date }[];
  completions: PerLearner<LearnerRows['completions'][number]>[];
  quizzes: PerLearner<LearnerRows['quizzes'][number]>[];
  consults: PerLearner<LearnerRows['consults'][number]>[];
  certified: { userId: string }[];
  domains: PerLearner<LearnerRows['domains'][number]>[];
};

export type CohortFrame = { programme: ProgrammeDef; modules: readonly ModuleOutline[]; passMarks: ReadonlyMap<string, number>; start: Date; dueDate: Date };

export type LearnerReadiness = Omit<LearnerProgramme, 'earned' | 'started'> & {
  userId: string;
  name: string;
  email: string;
  /** The registrar's identifier from the roster invitation the learner accepted, if any. */
  studentId: string | null;
  joinedAt: Date;
  status: ReadinessStatus;
  certified: boolean;
};

export type CohortReadinessSummary = {
  learners: LearnerReadiness[];
  counts: Record<ReadinessStatus, number>;
  /** Per programme module, how many learners have completed it. */
  modules: { slug: string; completed: number }[];
};

function groupBy<T extends { userId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.userId);
    if (list) list.push(r);
    else out.set(r.userId, [r]);
  }
  return out;
}

/** Combines a cohort's grouped evidence with the readiness rules, one pass over the rows. */
export function summarizeCohort(frame: CohortFrame, rows: CohortEvidenceRows, now: Date): CohortReadinessSummary {
  const completions = groupBy(rows.completions);
  const quizzes = groupBy(rows.quizzes);
  const consults = groupBy(rows.consults);
  const domains = groupBy(rows.domains);
  const certified = new Set(rows.certified.map((c) => c.userId));
  const counts: Record<ReadinessStatus, number> = { ready: 0, 'on-track': 0, behind: 0, 'not-started': 0 };
  const moduleDone = new Map(frame.modules.filter((m) => frame.programme.requirements.modules.includes(m.slug)).map((m) => [m.slug, 0]));

  const learners = rows.members.map((member): LearnerReadiness => {
    const { earned: _earned, started, ...readiness } = learnerReadiness(frame, {
      completions: completions.get(member.userId) ?? [],
      quizzes: quizzes.get(member.userId) ?? [],
      consults: consults.get(member.userId) ?? [],
      domains: domains.get(member.userId) ?? [],
    });
    for (const m of readiness.modules) if (m.total > 0 && m.done === m.total) moduleDone.set(m.slug, (moduleDone.get(m.slug) ?? 0) + 1);
    const isCertified = certified.has(member.userId);
    const status = readinessStatus({ certified: isCertified, progress: readiness.progress, started, cohortStart: frame.start, dueDate: frame.dueDate }, now);
    counts[status]++;
    return { ...member, ...readiness, status, certified: isCertified };
  });
  return { learners, counts, modules: [...moduleDone].map(([slug, completed]) => ({ slug, completed })) };
}
