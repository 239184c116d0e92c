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

/** A learner's figures for the cohort's programme, as `learnerReadiness` gives them (computed now, or kept in the rollup). */
export type LearnerFigures = Omit<LearnerProgramme, 'earned'>;

type Member = CohortEvidenceRows['members'][number];

/**
 * The cohort's learners and counts from each member's figures: status by `readinessStatus`,
 * module completion counted. `figuresOf` gives a member's figures; a member it has none for has
 * done nothing yet (the figures of empty evidence).
 */
export function summarizeMembers(
  frame: CohortFrame,
  members: readonly Member[],
  figuresOf: (userId: string) => LearnerFigures | undefined,
  certified: ReadonlySet<string>,
  now: Date,
): CohortReadinessSummary {
  const counts: Record<ReadinessStatus, number> = { ready: 0, 'on-track': 0, behind: 0, 'not-started': 0 };
  const moduleDone = new Map(frame.modules.filter((m) => frame.programme.requirements.modules.includes(m.slug)).map((m) => [m.slug, 0]));
  let nothing: LearnerFigures | undefined;
  const learners = members.map((member): LearnerReadiness => {
    const f = figuresOf(member.userId) ?? (nothing ??= learnerReadiness(frame, { completions: [], quizzes: [], consults: [], domains: [] }));
    const readiness = { requirements: f.requirements, progress: f.progress, modules: f.modules, domains: f.domains };
    for (const m of readiness.modules) if (m.total > 0 && m.done === m.total) moduleDone.set(m.slug, (moduleDone.get(m.slug) ?? 0) + 1);
    const isCertified = certified.has(member.userId);
    const status = readinessStatus({ certified: isCertified, progress: f.progress, started: f.started, cohortStart: frame.start, dueDate: frame.dueDate }, now);
    counts[status]++;
    return { ...member, ...readiness, status, certified: isCertified };
  });
  return { learners, counts, modules: [...moduleDone].map(([slug, completed]) => ({ slug, completed })) };
}

/** Combines a cohort's grouped evidence with the readiness rules, one pass over the rows. */
export function summarizeCohort(frame: CohortFrame, rows: CohortEvidenceRows, now: Date): CohortReadinessSummary {
  const completions = groupBy(rows.completions);
  const quizzes = groupBy(rows.quizzes);
  const consults = groupBy(rows.consults);
  const domains = groupBy(rows.domains);
  const figures = (userId: string) =>
    learnerReadiness(frame, {
      completions: completions.get(userId) ?? [],
      quizzes: quizzes.get(userId) ?? [],
      consults: consults.get(userId) ?? [],
      domains: domains.get(userId) ?? [],
    });
  return summarizeMembers(frame, rows.members, figures, new Set(rows.certified.map((c) => c.userId)), now);
}
