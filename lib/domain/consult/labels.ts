// Best outcomes along the paths of an explored state graph: for each state, the Pareto-best
// (critical actions done, raw scores) over error-free paths to it.
import type { CaseDef } from '@/lib/content/schemas/case';
import type { Exploration } from './explore';
import { allChoices } from './graph';

/** What an error-free path has earned: a bit per critical action done, and raw scores per rubric domain. */
export type Label = { mask: number; scores: number[] };

export type LabelSearch = { domains: string[]; labels: Label[][]; truncated: boolean };

type Move = { mask: number; delta: number[]; commitsError: boolean };

function dominates(a: Label, b: Label): boolean {
  return (a.mask & b.mask) === b.mask && a.scores.every((s, i) => s >= (b.scores[i] ?? 0));
}

/**
 * Raw scores are clamped to [-(all gains), max + (all losses)] per domain: beyond that range they cannot
 * change the capped result unless a scoring choice is repeated (which checkPlay reports).
 */
function movesOf(caseDef: CaseDef, domains: string[]): { moves: Map<string, Move>; lo: number[]; hi: number[] } {
  const { criticalActions, criticalErrors, domains: rubric } = caseDef.rubric;
  const errorFlags = new Set(criticalErrors.map((e) => e.flag));
  const moves = new Map<string, Move>();
  const lo = domains.map(() => 0);
  const hi = domains.map((d) => Object.entries(rubric).find(([k]) => k === d)?.[1] ?? 0);
  for (const { choice } of allChoices(caseDef)) {
    const flags = choice.effects?.flags ?? [];
    const scores = new Map(Object.entries(choice.effects?.scores ?? {}));
    const delta = domains.map((d) => scores.get(d) ?? 0);
    delta.forEach((points, i) => {
      if (points > 0) lo[i] = (lo[i] ?? 0) - points;
      else hi[i] = (hi[i] ?? 0) - points;
    });
    const mask = criticalActions.reduce((m, a, bit) => (flags.includes(a.flag) ? m | (1 << bit) : m), 0);
    moves.set(choice.id, { mask, delta, commitsError: flags.some((f) => errorFlags.has(f)) });
  }
  return { moves, lo, hi };
}

/** Propagates labels from the start along every edge that commits no critical error, up to maxLabels. */
export function propagateLabels(caseDef: CaseDef, exploration: Exploration, maxLabels: number): LabelSearch {
  const domains = Object.keys(caseDef.rubric.domains).sort();
  const { moves, lo, hi } = movesOf(caseDef, domains);
  const labels: Label[][] = exploration.states.map(() => []);
  const start: Label = { mask: 0, scores: domains.map(() => 0) };
  labels[0]?.push(start);
  const queue: { at: number; label: Label }[] = [{ at: 0, label: start }];
  for (let q = 0; q < queue.length; q++) {
    const item = queue[q];
    if (item === undefined || !(labels[item.at] ?? []).includes(item.label)) continue;
    for (const edge of exploration.edges[item.at] ?? []) {
      const move = moves.get(edge.choiceId);
      if (move === undefined || move.commitsError) continue;
      const scores = item.label.scores.map((s, i) => Math.min(Math.max(s + (move.delta[i] ?? 0), lo[i] ?? 0), hi[i] ?? 0));
      const next: Label = { mask: item.label.mask | move.mask, scores };
      const here = labels[edge.to] ?? [];
      if (here.some((l) => dominates(l, next))) continue;
      labels[edge.to] = [...here.filter((l) => !dominates(next, l)), next];
      queue.push({ at: edge.to, label: next });
      if (queue.length > maxLabels) return { domains, labels, truncated: true };
    }
  }
  return { domains, labels, truncated: false };
}
