import { type CaseDef, type ConsultNote, type DomainId, domainIdSchema } from '@/lib/content/schemas/case';
import { findNode } from './graph';
import { scoreNote } from './note';
import type { ConsultState, DomainScore, FinishResult } from './types';

const DOMAIN_IDS: readonly DomainId[] = domainIdSchema.options;

function percentOf(points: number, max: number): number {
  return max > 0 ? Math.round((100 * points) / max) : 0;
}

/**
 * Grades an ended consult. Each rubric domain's raw score is capped to 0..its points, then the note adds
 * its points (and its maximum) to its domain. Passed = every critical action done, no critical error,
 * and the total percent, rounded to an integer, at least pass.minScore.
 */
export function finishConsult(caseDef: CaseDef, state: ConsultState, note: ConsultNote): FinishResult {
  const end = findNode(caseDef, state.nodeId)?.end;
  if (!state.ended || end === undefined) return { ok: false, error: 'not_ended' };
  const noteScore = scoreNote(caseDef, note);
  const domains: Partial<Record<DomainId, DomainScore>> = {};
  let points = 0;
  let max = 0;
  for (const domain of DOMAIN_IDS) {
    const rubricMax = caseDef.rubric.domains[domain] ?? 0;
    const isNoteDomain = caseDef.note.domain === domain;
    const domainMax = rubricMax + (isNoteDomain ? noteScore.max : 0);
    if (domainMax === 0) continue;
    const raw = Math.min(Math.max(state.scores[domain] ?? 0, 0), rubricMax);
    const domainPoints = raw + (isNoteDomain ? noteScore.points : 0);
    domains[domain] = { points: domainPoints, max: domainMax, percent: percentOf(domainPoints, domainMax) };
    points += domainPoints;
    max += domainMax;
  }
  const total = { points, max, percent: percentOf(points, max) };
  const { criticalActions, criticalErrors } = caseDef.rubric;
  const done = criticalActions.filter((a) => state.flags.includes(a.flag)).map((a) => a.id);
  const missed = criticalActions.filter((a) => !state.flags.includes(a.flag)).map((a) => a.id);
  const committed = criticalErrors.filter((e) => state.flags.includes(e.flag)).map((e) => e.id);
  return {
    ok: true,
    result: {
      domains,
      total,
      note: noteScore,
      criticalActions: { done, missed },
      criticalErrors: committed,
      outcome: end.outcome,
      passed: missed.length === 0 && committed.length === 0 && total.percent >= caseDef.pass.minScore,
    },
  };
}
