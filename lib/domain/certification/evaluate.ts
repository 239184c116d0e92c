// Whether a learner has earned a programme, and exactly what is missing. Pure: evidence comes in.
import type { ProgrammeDef } from '@/lib/content/schemas/programme';

/** Where a learner stands at one quiz or case: never tried, still in progress, tried without passing, passed. */
export type ItemState = 'not-attempted' | 'in-progress' | 'not-passed' | 'passed';

/** A learner's record at one quiz: the best submitted score, attempts started, and whether one is open. */
export type QuizEvidence = { best: number | null; attempts: number; open: boolean };

/**
 * A learner's record at one virtual consult. `passed`: some graded attempt passed (which needs no
 * critical error); `best`: the score of the best graded attempt (a pass beats any fail, then the
 * higher score), so a careless replay after a pass never lowers it.
 */
export type CaseEvidence = { passed: boolean; best: number | null; graded: number; attempts: number; open: boolean };

/** What the learner has done, as read from the database. */
export type Evidence = {
  completedModules: ReadonlySet<string>;
  quizzes: ReadonlyMap<string, QuizEvidence>;
  consults: ReadonlyMap<string, CaseEvidence>;
};

export type CaseOutcome = { id: string; state: ItemState; best: number | null };

export type Requirement =
  | { kind: 'module'; id: string; met: boolean }
  | { kind: 'quiz'; id: string; minScore: number; best: number | null; state: ItemState; met: boolean }
  | { kind: 'consult'; id: string; best: number | null; state: ItemState; met: boolean }
  | { kind: 'consults-any'; from: readonly string[]; count: number; passed: string[]; cases: CaseOutcome[]; met: boolean };

export type Evaluation = { earned: boolean; requirements: Requirement[]; missing: Requirement[] };

const noQuiz: QuizEvidence = { best: null, attempts: 0, open: false };
const noCase: CaseEvidence = { passed: false, best: null, graded: 0, attempts: 0, open: false };

/** A quiz's state against the mark the programme asks for. */
export function quizState(q: QuizEvidence, minScore: number): ItemState {
  if (q.best !== null) return q.best >= minScore ? 'passed' : 'not-passed';
  return q.open ? 'in-progress' : 'not-attempted';
}

/** A case's state: passed, graded without a pass, open, or never tried (an abandoned attempt is not a try). */
export function caseState(c: CaseEvidence): ItemState {
  if (c.passed) return 'passed';
  if (c.graded > 0) return 'not-passed';
  return c.open ? 'in-progress' : 'not-attempted';
}

/**
 * Checks every requirement of a programme against the evidence. `quizPassMarks` gives each quiz's
 * own pass mark, used when the programme sets no higher `minScore`.
 */
export function evaluateProgramme(programme: ProgrammeDef, evidence: Evidence, quizPassMarks: ReadonlyMap<string, number>): Evaluation {
  const { modules, quizzes, consults } = programme.requirements;
  const caseOf = (id: string) => evidence.consults.get(id) ?? noCase;
  const requirements: Requirement[] = [
    ...modules.map((id): Requirement => ({ kind: 'module', id, met: evidence.completedModules.has(id) })),
    ...quizzes.map((q): Requirement => {
      const minScore = q.minScore ?? quizPassMarks.get(q.quiz) ?? 100;
      const record = evidence.quizzes.get(q.quiz) ?? noQuiz;
      const state = quizState(record, minScore);
      return { kind: 'quiz', id: q.quiz, minScore, best: record.best, state, met: state === 'passed' };
    }),
    ...consults.required.map((id): Requirement => {
      const record = caseOf(id);
      return { kind: 'consult', id, best: record.best, state: caseState(record), met: record.passed };
    }),
  ];
  if (consults.anyOf) {
    const from = consults.anyOf.from.filter((id) => !consults.required.includes(id));
    const cases = from.map((id): CaseOutcome => ({ id, state: caseState(caseOf(id)), best: caseOf(id).best }));
    const passed = cases.filter((c) => c.state === 'passed').map((c) => c.id);
    requirements.push({ kind: 'consults-any', from: consults.anyOf.from, count: consults.anyOf.count, passed, cases, met: passed.length >= consults.anyOf.count });
  }
  const missing = requirements.filter((r) => !r.met);
  return { earned: missing.length === 0, requirements, missing };
}

/** One quiz or consult attempt as stored: a null score is an attempt still open (a consult: or abandoned, when `finished`). */
export type AttemptFact =
  | { kind: 'quiz'; id: string; score: number | null }
  | { kind: 'consult'; id: string; score: number | null; passed: boolean | null; finished: boolean };

/** Evidence from individual attempts, each counted by the same rules the database aggregates use. */
export function evidenceFromAttempts(completedModules: Iterable<string>, attempts: readonly AttemptFact[]): Evidence {
  const quizzes = new Map<string, QuizEvidence>();
  const consults = new Map<string, CaseEvidence>();
  for (const a of attempts) {
    if (a.kind === 'quiz') {
      const q = quizzes.get(a.id) ?? { ...noQuiz };
      q.attempts++;
      if (a.score === null) q.open = true;
      else q.best = Math.max(q.best ?? a.score, a.score);
      quizzes.set(a.id, q);
      continue;
    }
    const c = consults.get(a.id) ?? { ...noCase };
    c.attempts++;
    if (!a.finished) c.open = true;
    if (a.passed !== null && a.score !== null) {
      c.graded++;
      const beats = a.passed && !c.passed ? true : a.passed === c.passed && a.score > (c.best ?? -1);
      if (c.best === null || beats) c.best = a.score;
      c.passed ||= a.passed;
    }
    consults.set(a.id, c);
  }
  return { completedModules: new Set(completedModules), quizzes, consults };
}
