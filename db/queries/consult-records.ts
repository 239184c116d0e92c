import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { consultAttempts } from '../schema';
import { type AttemptStatus, statusOf } from './consults';
import type { Actor } from './users';

/** One attempt as lists show it: no state, note or result. */
export type ConsultSummary = {
  id: string;
  caseId: string;
  step: number;
  score: number | null;
  passed: boolean | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: AttemptStatus;
};

/** not-started, in-progress (an open attempt), passed (some attempt passed) or failed (graded, none passed). */
export type CaseStatus = 'not-started' | 'in-progress' | 'passed' | 'failed';

/** One learner's record at one case. */
export type CaseRecord = {
  caseId: string;
  attempts: ConsultSummary[];
  open: ConsultSummary | null;
  latest: ConsultSummary | null;
  best: ConsultSummary | null;
  /** Graded attempts after the first pass: practice, shown as such, never lowering the record. */
  practice: ConsultSummary[];
  status: CaseStatus;
};

function better(a: ConsultSummary, b: ConsultSummary): boolean {
  if (a.passed !== b.passed) return a.passed === true;
  return (a.score ?? 0) > (b.score ?? 0);
}

function recordOf(caseId: string, attempts: ConsultSummary[]): CaseRecord {
  const graded = attempts.filter((a) => a.status === 'passed' || a.status === 'failed');
  const open = attempts.find((a) => a.status === 'open') ?? null;
  const latest = graded.at(-1) ?? null;
  const best = graded.reduce<ConsultSummary | null>((top, a) => (top === null || better(a, top) ? a : top), null);
  const status: CaseStatus = open !== null ? 'in-progress' : best === null ? 'not-started' : best.passed ? 'passed' : 'failed';
  const firstPass = graded.findIndex((a) => a.passed === true);
  const practice = firstPass === -1 ? [] : graded.slice(firstPass + 1);
  return { caseId, attempts, open, latest, best, practice, status };
}

/**
 * The acting learner's record at each case they have attempted (oldest attempt first): the open
 * attempt, the latest and the best graded ones (a pass beats any fail, then the higher score).
 */
export async function listOwnConsults(db: Db, actor: Actor, caseId?: string): Promise<Map<string, CaseRecord>> {
  const own = eq(consultAttempts.userId, actor.id);
  const rows = await db
    .select({
      id: consultAttempts.id,
      caseId: consultAttempts.caseId,
      step: consultAttempts.step,
      score: consultAttempts.score,
      passed: consultAttempts.passed,
      startedAt: consultAttempts.startedAt,
      finishedAt: consultAttempts.finishedAt,
    })
    .from(consultAttempts)
    .where(caseId === undefined ? own : and(own, eq(consultAttempts.caseId, caseId)))
    .orderBy(asc(consultAttempts.startedAt), asc(consultAttempts.id));
  const byCase = new Map<string, ConsultSummary[]>();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), { ...row, status: statusOf(row) }]);
  return new Map([...byCase].map(([id, attempts]) => [id, recordOf(id, attempts)]));
}

/** The status of a case for a learner with no attempts at it. */
export const notStarted = (caseId: string): CaseRecord => recordOf(caseId, []);
