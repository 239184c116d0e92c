import type { CaseChoice, CaseDef } from '@/lib/content/schemas/case';
import { findNode, isSelfLoop, requiresHold } from './graph';
import type { ConsultState } from './types';

/** The state at the start of a case: at `start`, minute 0, on the case's modality (or the start node's connection). */
export function startConsult(caseDef: CaseDef): ConsultState {
  const startNode = findNode(caseDef, caseDef.start);
  const scores: Record<string, number> = {};
  for (const domain of Object.keys(caseDef.rubric.domains)) scores[domain] = 0;
  return {
    nodeId: caseDef.start,
    step: 0,
    minute: 0,
    connection: startNode?.connection ?? caseDef.modality,
    flags: [],
    scores,
    taken: [],
    path: [],
    events: [],
    ended: startNode?.end !== undefined,
  };
}

/** The choices the learner may take now: `requires` hold, and a self-loop only until it has been taken. */
export function availableChoices(caseDef: CaseDef, state: ConsultState): CaseChoice[] {
  if (state.ended) return [];
  const node = findNode(caseDef, state.nodeId);
  if (node === undefined) return [];
  return node.choices.filter(
    (choice) =>
      requiresHold(choice, state.flags, state.connection) &&
      !(isSelfLoop(state.nodeId, choice) && state.taken.includes(choice.id)),
  );
}
