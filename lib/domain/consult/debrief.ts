import type { CaseChoice, CaseDef, ChoiceAction, ConsultNote, Outcome } from '@/lib/content/schemas/case';
import { allChoices, findNode } from './graph';
import type { ConsultResult, ConsultState } from './types';

/** One decision as the debrief shows it. */
export type DebriefChoice = {
  nodeId: string;
  choiceId: string;
  label: string;
  action: ChoiceAction;
  feedback: string;
  references: string[];
};

export type DebriefStep = DebriefChoice & { step: number; minute: number; onExpertPath: boolean };

export type Debrief = {
  learner: DebriefStep[];
  expert: DebriefChoice[];
  criticalActions: { id: string; label: string; references: string[]; done: boolean }[];
  criticalErrors: { id: string; label: string; references: string[]; committed: boolean }[];
  ending: { outcome: Outcome; text: string } | null;
  expertNote: ConsultNote;
  result: ConsultResult;
};

function describe(nodeId: string, choice: CaseChoice): DebriefChoice {
  const { id, label, action, feedback, references } = choice;
  return { nodeId, choiceId: id, label, action, feedback, references };
}

/** The debrief of a finished consult: the learner's path beside the expert's, critical items and the expert note. */
export function buildDebrief(caseDef: CaseDef, state: ConsultState, result: ConsultResult): Debrief {
  const choices = new Map(allChoices(caseDef).map((entry) => [entry.choice.id, entry]));
  const expertIds = new Set(caseDef.expertPath);
  const learner = state.path.flatMap((entry) => {
    const found = choices.get(entry.choiceId);
    if (found === undefined) return [];
    return [{ ...describe(entry.nodeId, found.choice), step: entry.step, minute: entry.minute, onExpertPath: expertIds.has(entry.choiceId) }];
  });
  const expert = caseDef.expertPath.flatMap((id) => {
    const found = choices.get(id);
    return found === undefined ? [] : [describe(found.nodeId, found.choice)];
  });
  const { criticalActions, criticalErrors } = caseDef.rubric;
  return {
    learner,
    expert,
    criticalActions: criticalActions.map(({ id, label, references }) => ({ id, label, references, done: result.criticalActions.done.includes(id) })),
    criticalErrors: criticalErrors.map(({ id, label, references }) => ({ id, label, references, committed: result.criticalErrors.includes(id) })),
    ending: findNode(caseDef, state.nodeId)?.end ?? null,
    expertNote: caseDef.note.expert,
    result,
  };
}
