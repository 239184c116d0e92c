import type { CaseDef } from '@/lib/content/schemas/case';
import { findNode } from './graph';
import { availableChoices } from './state';
import { speakerLines } from './transcript';
import type { ConsultState, ConsultView } from './types';

/**
 * The public view of a consult for the browser: the current node only, and choices as id, label and
 * action. Nothing about unreached nodes, where choices lead, scores, flags, feedback or the rubric.
 */
export function consultView(caseDef: CaseDef, state: ConsultState): ConsultView {
  const node = findNode(caseDef, state.nodeId);
  const participants = caseDef.participants.map(({ id, name, role }) => ({ id, name, role }));
  const say = speakerLines(caseDef, node?.say ?? []);
  const notices = state.events
    .filter((fired) => fired.step === state.step)
    .flatMap((fired) => caseDef.events[fired.index]?.text ?? []);
  return {
    step: state.step,
    minute: state.minute,
    connection: state.connection,
    participants,
    say,
    show: node?.show ?? null,
    notices,
    choices: availableChoices(caseDef, state).map(({ id, label, action }) => ({ id, label, action })),
    ended: state.ended,
  };
}
