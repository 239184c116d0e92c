import type { CaseDef } from '@/lib/content/schemas/case';
import { allChoices, findNode } from './graph';
import { checkAudioOnly } from './validate-audio';
import { checkExpertPath } from './validate-expert';
import { checkPlay } from './validate-play';
import { checkGraph, checkReferences } from './validate-structure';

function isPlayable(caseDef: CaseDef): boolean {
  const choices = allChoices(caseDef);
  const ids = new Set(choices.map(({ choice }) => choice.id));
  return ids.size === choices.length && choices.every(({ choice }) => findNode(caseDef, choice.next) !== undefined);
}

export type ValidateOptions = { maxStates?: number };

/** Past this many distinct states a case is reported as too large to verify. */
export const DEFAULT_MAX_STATES = 200_000;

/**
 * Every problem with a case, each naming its node or choice ids; empty when the case is valid. Structural
 * checks come first; the case is only played (state-space exploration, audio-only path) when its start,
 * every `next` and every choice id are sound, since the engine assumes them. See checkAudioOnly for the
 * audio-only rule.
 */
export function validateCase(caseDef: CaseDef, options: ValidateOptions = {}): string[] {
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const problems = [...checkGraph(caseDef), ...checkReferences(caseDef)];
  if (findNode(caseDef, caseDef.start) === undefined) return problems;
  problems.push(...checkExpertPath(caseDef));
  if (!isPlayable(caseDef)) return problems;
  return [...problems, ...checkPlay(caseDef, maxStates), ...checkAudioOnly(caseDef, maxStates)];
}
