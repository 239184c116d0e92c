import type { CaseDef } from '@/lib/content/schemas/case';
import { allChoices, findNode } from './graph';
import { availableChoices } from './state';
import { speakerLines } from './transcript';
import type { ConsultState, ConsultView } from './types';

/**
 * The public view of a consult for the browser: the current node only, the reply to the choice just
 * taken, and choices as id, label and action. Nothing about unreached nodes, where choices lead,
 * scores, flags, feedback or the rubric. After a question that loops back to its own node, the node's
 * lines are not said again: a history hub's opening line must not repeat after every answer.
 */
export function consultView(caseDef: CaseDef, state: ConsultState): ConsultView {
  const node = findNode(caseDef, state.nodeId);
  const participants = caseDef.participants.map(({ id, name, role }) => ({ id, name, role }));
  const last = state.path.at(-1);
  const looped = last !== undefined && last.nodeId === state.nodeId;
  const lastChoice = last === undefined ? undefined : allChoices(caseDef).find((c) => c.nodeId === last.nodeId && c.choice.id === last.choiceId);
  const say = looped ? [] : speakerLines(caseDef, node?.say ?? []);
  const notices = state.events
    .filter((fired) => fired.step === state.step)
    .flatMap((fired) => caseDef.events[fired.index]?.text ?? []);
  return {
    step: state.step,
    minute: state.minute,
    connection: state.connection,
    participants,
    reply: speakerLines(caseDef, lastChoice?.choice.reply ?? []),
    say,
    show: looped ? null : (node?.show ?? null),
    notices,
    choices: availableChoices(caseDef, state).map(({ id, label, action }) => ({ id, label, action })),
    ended: state.ended,
  };
}
