// Whether a learner has earned a programme, and exactly what is missing. Pure: evidence and `now` come in.
import type { ProgrammeDef } from '@/lib/content/schemas/programme';

/** What the learner has done, as read from the database. */
export type Evidence = {
  completedModules: ReadonlySet<string>;
  /** Best submitted score per quiz (0–100). */
  quizBest: ReadonlyMap<string, number>;
  /** Finished consult attempts. */
  consults: readonly { caseId: string; passed: boolean; criticalErrors: readonly string[] }[];
};

export type Requirement =
  | { kind: 'module'; id: string; met: boolean }
  | { kind: 'quiz'; id: string; minScore: number; best: number | null; met: boolean }
  | { kind: 'consult'; id: string; met: boolean }
  | { kind: 'consults-any'; from: readonly string[]; count: number; passed: string[]; met: boolean };

export type Evaluation = { earned: boolean; requirements: Requirement[]; missing: Requirement[] };

/** A consult counts only when it was passed with no critical error. */
export function cleanPasses(evidence: Evidence): Set<string> {
  return new Set(evidence.consults.filter((c) => c.passed && c.criticalErrors.length === 0).map((c) => c.caseId));
}

/**
 * Checks every requirement of a programme against the evidence. `quizPassMarks` gives each quiz's
 * own pass mark, used when the programme sets no higher `minScore`.
 */
export function evaluateProgramme(programme: ProgrammeDef, evidence: Evidence, quizPassMarks: ReadonlyMap<string, number>): Evaluation {
  const { modules, quizzes, consults } = programme.requirements;
  const passes = cleanPasses(evidence);
  const requirements: Requirement[] = [
    ...modules.map((id): Requirement => ({ kind: 'module', id, met: evidence.completedModules.has(id) })),
    ...quizzes.map((q): Requirement => {
      const minScore = q.minScore ?? quizPassMarks.get(q.quiz) ?? 100;
      const best = evidence.quizBest.get(q.quiz) ?? null;
      return { kind: 'quiz', id: q.quiz, minScore, best, met: best !== null && best >= minScore };
    }),
    ...consults.required.map((id): Requirement => ({ kind: 'consult', id, met: passes.has(id) })),
  ];
  if (consults.anyOf) {
    const passed = consults.anyOf.from.filter((id) => passes.has(id) && !consults.required.includes(id));
    requirements.push({ kind: 'consults-any', from: consults.anyOf.from, count: consults.anyOf.count, passed, met: passed.length >= consults.anyOf.count });
  }
  const missing = requirements.filter((r) => !r.met);
  return { earned: missing.length === 0, requirements, missing };
}
