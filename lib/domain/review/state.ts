// An item's review state, from its current hash and its decisions. Pure.
import { type Decision, type ItemRef, type ReviewItem, itemKey } from './types';

/**
 * - `signed-off` / `changes-requested`: the latest decision on the current version;
 * - `needs-review-again`: decisions exist, but none on the current version (edited since);
 * - `awaiting`: no one has decided on any version yet.
 */
export type ReviewState =
  | { state: 'signed-off'; decision: Decision }
  | { state: 'changes-requested'; decision: Decision }
  | { state: 'needs-review-again'; previous: Decision }
  | { state: 'awaiting' };

/** The latest of some decisions (the later one wins a tie in time, as recorded later). */
function latest(decisions: readonly Decision[]): Decision | undefined {
  let best: Decision | undefined;
  for (const d of decisions) if (!best || d.decidedAt.getTime() >= best.decidedAt.getTime()) best = d;
  return best;
}

/** The state of one item whose current hash is `hash`, given its decisions in the order they were recorded. */
export function reviewState(hash: string, decisions: readonly Decision[]): ReviewState {
  const current = latest(decisions.filter((d) => d.hash === hash));
  if (current) return current.decision === 'signed-off' ? { state: 'signed-off', decision: current } : { state: 'changes-requested', decision: current };
  const previous = latest(decisions);
  return previous ? { state: 'needs-review-again', previous } : { state: 'awaiting' };
}

/** Every item's state, keyed by `itemKey`; decisions on items no longer in the content are ignored. */
export function reviewStates(items: readonly (ItemRef & { hash: string })[], decisions: readonly Decision[]): Map<string, ReviewState> {
  const byItem = new Map<string, Decision[]>();
  for (const d of decisions) {
    const key = itemKey(d);
    const list = byItem.get(key);
    if (list) list.push(d);
    else byItem.set(key, [d]);
  }
  return new Map(items.map((item) => [itemKey(item), reviewState(item.hash, byItem.get(itemKey(item)) ?? [])]));
}

/** What learners are told: who signed off this version and when, or nothing (awaiting review). */
export type LearnerLine = { reviewedBy: string; on: Date } | null;

/** The learner-facing line of a state: only a sign-off of the current version counts. */
export function learnerLine(state: ReviewState): LearnerLine {
  return state.state === 'signed-off' ? { reviewedBy: state.decision.reviewerName, on: state.decision.decidedAt } : null;
}

/** Counts of each state, for the overview. */
export function stateCounts(items: readonly ReviewItem[], states: ReadonlyMap<string, ReviewState>): Record<ReviewState['state'], number> {
  const counts = { 'signed-off': 0, 'changes-requested': 0, 'needs-review-again': 0, awaiting: 0 };
  for (const item of items) counts[states.get(itemKey(item))?.state ?? 'awaiting']++;
  return counts;
}
