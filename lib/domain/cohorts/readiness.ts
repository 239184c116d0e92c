// A cohort's readiness from aggregated evidence rows: per learner status, progress and domain
// scores, and the cohort's counts. Pure: the database reads and `now` come in.
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import { type Evidence, type Requirement, evaluateProgramme } from '@/lib/domain/certification';
import type { ModuleOutline } from '@/lib/domain/curriculum/progress';
import { type DomainEvidence, type DomainId, type DomainScore, type ReadinessStatus, domainReadiness, readinessStatus } from '@/lib/domain/readiness';

/** What the database returns for a cohort's active members, already grouped per learner. */
export type CohortEvidenceRows = {
  members: { userId: string; name: string; email: string; joinedAt: Date }[];
  /** Per learner and programme module, how many of the module's current lessons they have completed. */
  completions: { userId: string; moduleSlug: string; done: number }[];
  quizzes: { userId: string; quizId: string; attempts: number; best: number | null }[];
  consults: { userId: string; caseId: string; attempts: number; cleanPass: boolean }[];
  certified: { userId: string }[];
  /** Summed per learner and domain: quiz items (earned credit of 1 each) or consult rubric points. */
  domains: { userId: string; domain: DomainId; earned: number; possible: number; items: number }[];
};

export type CohortFrame = { programme: ProgrammeDef; modules: readonly ModuleOutline[]; passMarks: ReadonlyMap<string, number>; start: Date; dueDate: Date };

export type LearnerReadiness = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  status: ReadinessStatus;
  certified: boolean;
  /** Share of the programme's requirements met, 0 to 1; a module counts by the share of its lessons done. */
  progress: number;
  requirements: Requirement[];
  /** Lessons done of each programme module. */
  modules: { slug: string; done: number; total: number }[];
  domains: DomainScore[];
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

/** Partial credit of one requirement: a module by lessons done, a choice of consults by those passed. */
function creditOf(req: Requirement, modules: ReadonlyMap<string, { done: number; total: number }>): number {
  if (req.met) return 1;
  switch (req.kind) {
    case 'module': {
      const m = modules.get(req.id);
      return m && m.total > 0 ? m.done / m.total : 0;
    }
    case 'consults-any':
      return Math.min(req.passed.length / req.count, 1);
    case 'quiz':
    case 'consult':
      return 0;
    default: {
      const unknown: never = req;
      return unknown;
    }
  }
}

/** Combines a cohort's grouped evidence with the readiness rules, one pass over the rows. */
export function summarizeCohort(frame: CohortFrame, rows: CohortEvidenceRows, now: Date): CohortReadinessSummary {
  const { programme } = frame;
  const completions = groupBy(rows.completions);
  const quizzes = groupBy(rows.quizzes);
  const consults = groupBy(rows.consults);
  const domains = groupBy(rows.domains);
  const certified = new Set(rows.certified.map((c) => c.userId));
  const programmeModules = frame.modules.filter((m) => programme.requirements.modules.includes(m.slug));
  const programmeQuizzes = new Set(programme.requirements.quizzes.map((q) => q.quiz));
  const programmeCases = new Set([...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])]);
  const counts: Record<ReadinessStatus, number> = { ready: 0, 'on-track': 0, behind: 0, 'not-started': 0 };
  const moduleDone = new Map(programmeModules.map((m) => [m.slug, 0]));

  const learners = rows.members.map((member): LearnerReadiness => {
    const done = new Map((completions.get(member.userId) ?? []).map((c) => [c.moduleSlug, c.done]));
    const perModule = new Map(
      programmeModules.map((m) => {
        const total = m.lessons.length;
        const count = Math.min(done.get(m.slug) ?? 0, total);
        return [m.slug, { slug: m.slug, done: count, total, complete: total > 0 && count === total }];
      }),
    );
    for (const [slug, p] of perModule) if (p.complete) moduleDone.set(slug, (moduleDone.get(slug) ?? 0) + 1);
    const myQuizzes = quizzes.get(member.userId) ?? [];
    const myConsults = consults.get(member.userId) ?? [];
    const evidence: Evidence = {
      completedModules: new Set([...perModule].filter(([, p]) => p.complete).map(([slug]) => slug)),
      quizBest: new Map(myQuizzes.flatMap((q) => (q.best === null ? [] : [[q.quizId, q.best] as const]))),
      consults: myConsults.map((c) => ({ caseId: c.caseId, passed: c.cleanPass, criticalErrors: [] })),
    };
    const { requirements } = evaluateProgramme(programme, evidence, frame.passMarks);
    const progress = requirements.length === 0 ? 1 : requirements.reduce((s, r) => s + creditOf(r, perModule), 0) / requirements.length;
    const started =
      [...perModule.values()].some((p) => p.done > 0) ||
      myQuizzes.some((q) => programmeQuizzes.has(q.quizId) && q.attempts > 0) ||
      myConsults.some((c) => programmeCases.has(c.caseId) && c.attempts > 0);
    const isCertified = certified.has(member.userId);
    const status = readinessStatus({ certified: isCertified, progress, started, cohortStart: frame.start, dueDate: frame.dueDate }, now);
    counts[status]++;
    const mine = domains.get(member.userId) ?? [];
    const pieces: DomainEvidence[] = mine.map((d) => ({ domain: d.domain, earned: d.earned, possible: d.possible }));
    const scores = domainReadiness(pieces).map((s) => ({ ...s, evidence: mine.filter((d) => d.domain === s.domain).reduce((n, d) => n + d.items, 0) }));
    const modules = [...perModule.values()].map((p) => ({ slug: p.slug, done: p.done, total: p.total }));
    return { ...member, status, certified: isCertified, progress, requirements, modules, domains: scores };
  });
  return { learners, counts, modules: [...moduleDone].map(([slug, completed]) => ({ slug, completed })) };
}
