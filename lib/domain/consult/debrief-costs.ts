// What each decision of a played path cost, and what the learner was offered on the way.
import type { CaseChoice, CaseDef } from '@/lib/content/schemas/case';
import { isSelfLoop } from './graph';
import { availableChoices, startConsult } from './state';
import { stepConsult } from './step';
import type { PathEntry } from './types';

/** The menu offered at each step of a path, replayed with the engine (null once a step no longer replays). */
export function menusAlong(caseDef: CaseDef, path: readonly PathEntry[]): (CaseChoice[] | null)[] {
  let state: ReturnType<typeof startConsult> | null = startConsult(caseDef);
  return path.map((entry) => {
    if (state === null) return null;
    const menu = availableChoices(caseDef, state);
    const stepped = stepConsult(caseDef, state, entry.choiceId);
    state = stepped.ok ? stepped.state : null;
    return menu;
  });
}

/** A choice's raw points, all domains together. */
export function valueOf(choice: CaseChoice): number {
  return Object.values(choice.effects?.scores ?? {}).reduce<number>((sum, p) => sum + (p ?? 0), 0);
}

/**
 * What a decision cost, in points, against what was offered at the same moment:
 * - a question that loops back to its node costs only what it takes away (the others stay on offer);
 * - any other choice costs the gap to the best-scoring option that also leaves the node (none for a
 *   choice on the expert path), plus the points of the expert's questions it left unasked at this node.
 * Unknown menu (the case changed since): only what the choice itself took away.
 */
export function costOf(caseDef: CaseDef, entry: PathEntry, choice: CaseChoice, menu: readonly CaseChoice[] | null): number {
  const own = valueOf(choice);
  if (menu === null || isSelfLoop(entry.nodeId, choice)) return Math.max(0, -own);
  const expert = new Set(caseDef.expertPath);
  const leaving = menu.filter((c) => !isSelfLoop(entry.nodeId, c));
  const best = Math.max(own, ...leaving.map(valueOf));
  const gap = expert.has(choice.id) ? 0 : best - own;
  const unasked = menu
    .filter((c) => isSelfLoop(entry.nodeId, c) && expert.has(c.id))
    .reduce((sum, c) => sum + Math.max(0, valueOf(c)), 0);
  return gap + unasked;
}

/** One line on why a choice cost: its `why`, else the first sentence of its feedback with five words or more. */
export function whyOf(choice: Pick<CaseChoice, 'why' | 'feedback'>): string {
  if (choice.why !== undefined) return choice.why;
  const sentences = choice.feedback.split(/(?<=[.!?])\s+/);
  return sentences.find((s) => s.split(/\s+/).length >= 5) ?? choice.feedback;
}
