import type { CaseDef } from '@/lib/content/schemas/case';
import { startConsult } from './state';
import { stepConsult } from './step';
import type { ConsultState } from './types';

/**
 * Plays a stored attempt's choices again on (another version of) a case: the state the same choices
 * give there, or null if one of them is no longer offered. Lets an attempt survive an edit to its
 * case that keeps its path playable.
 */
export function replayConsult(caseDef: CaseDef, state: ConsultState): ConsultState | null {
  let replayed = startConsult(caseDef);
  for (const { choiceId } of state.path) {
    const stepped = stepConsult(caseDef, replayed, choiceId);
    if (!stepped.ok) return null;
    replayed = stepped.state;
  }
  return replayed;
}
