// Breadth-first exploration of a case's real state space, stepping with the engine itself.
import type { CaseChoice, CaseDef } from '@/lib/content/schemas/case';
import { availableChoices, startConsult } from './state';
import { stepConsult } from './step';
import type { ConsultState } from './types';

export type Edge = { to: number; choiceId: string };

export type ExploreOptions = {
  maxStates: number;
  key: (state: ConsultState) => string;
  /** Narrows the available choices (default: all of them). */
  choose?: (state: ConsultState, available: CaseChoice[]) => CaseChoice[];
  /** Drops a transition (default: keep all). */
  keep?: (from: ConsultState, to: ConsultState) => boolean;
};

export type Exploration = {
  states: ConsultState[];
  edges: Edge[][];
  parent: number[];
  truncated: boolean;
};

/** Drops what only grows (path) and keeps in `taken` only the self-loops, which are all that matter for availability. */
function compact(next: ConsultState, from: ConsultState, choice: CaseChoice): ConsultState {
  const taken = choice.next === from.nodeId ? [...from.taken, choice.id].sort() : from.taken;
  return { ...next, taken, path: [] };
}

/** Explores every state reachable from the start, up to maxStates (then `truncated`). */
export function exploreStates(caseDef: CaseDef, options: ExploreOptions): Exploration {
  const { maxStates, key, choose = (_s, available) => available, keep = () => true } = options;
  const start = startConsult(caseDef);
  const states = [start];
  const edges: Edge[][] = [[]];
  const parent = [-1];
  const seen = new Map([[key(start), 0]]);
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    const out = edges[i];
    if (state === undefined || out === undefined || state.ended) continue;
    for (const choice of choose(state, availableChoices(caseDef, state))) {
      const stepped = stepConsult(caseDef, state, choice.id);
      if (!stepped.ok) continue;
      const next = compact(stepped.state, state, choice);
      if (!keep(state, next)) continue;
      const k = key(next);
      let j = seen.get(k);
      if (j === undefined) {
        if (states.length >= maxStates) return { states, edges, parent, truncated: true };
        j = states.length;
        seen.set(k, j);
        states.push(next);
        edges.push([]);
        parent.push(i);
      }
      out.push({ to: j, choiceId: choice.id });
    }
  }
  return { states, edges, parent, truncated: false };
}

/** The choice ids of the breadth-first (shortest) path from the start to state i. */
export function pathTo(exploration: Exploration, i: number): string[] {
  const ids: string[] = [];
  for (let at = i; at > 0; ) {
    const from = exploration.parent[at] ?? 0;
    const edge = exploration.edges[from]?.find((e) => e.to === at);
    if (edge !== undefined) ids.unshift(edge.choiceId);
    at = from;
  }
  return ids;
}

/** For each state, whether some ended state can be reached from it. */
export function canReachEnd(exploration: Exploration): boolean[] {
  const incoming: number[][] = exploration.states.map(() => []);
  exploration.edges.forEach((out, from) => out.forEach((e) => incoming[e.to]?.push(from)));
  const reach = exploration.states.map((s) => s.ended);
  const queue = reach.flatMap((ended, i) => (ended ? [i] : []));
  for (let q = 0; q < queue.length; q++) {
    for (const from of incoming[queue[q] ?? 0] ?? []) {
      if (!reach[from]) {
        reach[from] = true;
        queue.push(from);
      }
    }
  }
  return reach;
}
