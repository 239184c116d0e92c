// One learner's readiness for one programme: requirements, progress and domain scores. Pure.
// The learner's own pages, the instructor's drill-down, the cohort dashboard and its CSV all
// call this one function on the same grouped rows, so their figures cannot disagree.
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import { type Evidence, type Requirement, evaluateProgramme } from '@/lib/domain/certification';
import type { ModuleOutline } from '@/lib/domain/curriculum/progress';
import { type DomainId, type DomainScore, domainReadiness } from './domains';

/**
 * A learner's evidence as the database groups it. Quiz and consult rows are one per item;
 * `domains` are summed from the **best** graded attempt at each quiz and case (a later, worse
 * replay is practice and never lowers them).
 */
export type LearnerRows = {
  /** Per module, how many of its current lessons the learner has completed. */
  completions: readonly { moduleSlug: string; done: number }[];
  quizzes: readonly { quizId: string; attempts: number; open: boolean; best: number | null }[];
  consults: readonly { caseId: string; attempts: number; graded: number; open: boolean; passed: boolean; best: number | null }[];
  domains: readonly { domain: DomainId; earned: number; possible: number; items: number }[];
};

export type ProgrammeFrame = { programme: ProgrammeDef; modules: readonly ModuleOutline[]; passMarks: ReadonlyMap<string, number> };

export type LearnerProgramme = {
  earned: boolean;
  requirements: Requirement[];
  /** Share of the programme's requirements met, 0 to 1; a module counts by the share of its lessons done. */
  progress: number;
  /** Whether the learner has done anything towards the programme at all. */
  started: boolean;
  /** Lessons done of each programme module. */
  modules: { slug: string; done: number; total: number }[];
  domains: DomainScore[];
};

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

/** The evidence the programme rules read, from a learner's grouped rows. */
export function evidenceOf(frame: ProgrammeFrame, rows: LearnerRows): { evidence: Evidence; modules: LearnerProgramme['modules'] } {
  const done = new Map(rows.completions.map((c) => [c.moduleSlug, c.done]));
  const modules = frame.modules
    .filter((m) => frame.programme.requirements.modules.includes(m.slug))
    .map((m) => ({ slug: m.slug, done: Math.min(done.get(m.slug) ?? 0, m.lessons.length), total: m.lessons.length }));
  const evidence: Evidence = {
    completedModules: new Set(modules.filter((m) => m.total > 0 && m.done === m.total).map((m) => m.slug)),
    quizzes: new Map(rows.quizzes.map((q) => [q.quizId, { best: q.best, attempts: q.attempts, open: q.open }])),
    consults: new Map(rows.consults.map((c) => [c.caseId, { passed: c.passed, best: c.best, graded: c.graded, attempts: c.attempts, open: c.open }])),
  };
  return { evidence, modules };
}

/** Requirements, progress and domain scores of one learner for one programme. */
export function learnerReadiness(frame: ProgrammeFrame, rows: LearnerRows): LearnerProgramme {
  const { programme } = frame;
  const { evidence, modules } = evidenceOf(frame, rows);
  const { earned, requirements } = evaluateProgramme(programme, evidence, frame.passMarks);
  const byModule = new Map(modules.map((m) => [m.slug, m]));
  const progress = requirements.length === 0 ? 1 : requirements.reduce((s, r) => s + creditOf(r, byModule), 0) / requirements.length;
  const programmeQuizzes = new Set(programme.requirements.quizzes.map((q) => q.quiz));
  const programmeCases = new Set([...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])]);
  const started =
    modules.some((m) => m.done > 0) ||
    rows.quizzes.some((q) => programmeQuizzes.has(q.quizId) && q.attempts > 0) ||
    rows.consults.some((c) => programmeCases.has(c.caseId) && c.attempts > 0);
  const domains = domainReadiness(rows.domains).map((s) => ({ ...s, evidence: rows.domains.filter((d) => d.domain === s.domain).reduce((n, d) => n + d.items, 0) }));
  return { earned, requirements, progress, started, modules, domains };
}
