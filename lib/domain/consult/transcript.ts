import type { CaseDef, CaseLine } from '@/lib/content/schemas/case';
import { allChoices, findNode } from './graph';
import type { ConsultState, SpokenLine, TranscriptEntry } from './types';

/** Lines with their speaker's name and role (a `who` missing from participants shows as itself). */
export function speakerLines(caseDef: CaseDef, lines: readonly CaseLine[]): SpokenLine[] {
  return lines.map(({ who, text, ur }) => {
    const person = caseDef.participants.find((p) => p.id === who);
    return { who, name: person?.name ?? who, role: person?.role ?? '', text, ...(ur ? { ur: { script: ur.script, roman: ur.roman } } : {}) };
  });
}

/**
 * What has happened so far, built from `state.path` only: for each choice taken, what was said and
 * shown at its node, the choice, the reply to it and the connection events it set off. Nothing of a
 * node the learner has not reached; no scores, flags, feedback or where a choice leads. After a
 * question that loops back to its own node, the node's lines are not repeated.
 */
export function consultTranscript(caseDef: CaseDef, state: ConsultState): TranscriptEntry[] {
  const choices = new Map(allChoices(caseDef).map(({ nodeId, choice }) => [`${nodeId}/${choice.id}`, choice]));
  return state.path.map((entry, i) => {
    const node = findNode(caseDef, entry.nodeId);
    const choice = choices.get(`${entry.nodeId}/${entry.choiceId}`);
    const previous = state.path[i - 1];
    const repeated = previous !== undefined && previous.nodeId === entry.nodeId;
    return {
      step: entry.step,
      minute: entry.minute,
      connection: entry.connectionBefore,
      say: repeated ? [] : speakerLines(caseDef, node?.say ?? []),
      show: repeated ? null : (node?.show ?? null),
      choice: choice === undefined ? null : { label: choice.label, action: choice.action },
      reply: speakerLines(caseDef, choice?.reply ?? []),
      notices: state.events.filter((fired) => fired.step === entry.step).flatMap((fired) => caseDef.events[fired.index]?.text ?? []),
    };
  });
}
