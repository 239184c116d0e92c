import type { CaseChoice, CaseDef, ChoiceAction, ConsultNote, Outcome } from '@/lib/content/schemas/case';
import { costOf, menusAlong, whyOf } from './debrief-costs';
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

/** A decision among those that cost most: the points it cost, the critical error it made (if any), and one line of why. */
export type CostlyDecision = DebriefStep & { cost: number; criticalError: string | null; why: string };

/** How many costly decisions the debrief leads with. */
export const COSTLIEST_SHOWN = 3;

export type Debrief = {
  learner: DebriefStep[];
  expert: DebriefChoice[];
  /** The decisions that cost most, critical errors first, then by points lost: at most COSTLIEST_SHOWN, none that cost nothing. */
  costliest: CostlyDecision[];
  criticalActions: { id: string; label: string; references: string[]; done: boolean }[];
  /** `offered`: a choice that makes this error was on offer at some point the learner reached. */
  criticalErrors: { id: string; label: string; references: string[]; committed: boolean; offered: boolean }[];
  ending: { outcome: Outcome; text: string } | null;
  expertNote: ConsultNote;
  result: ConsultResult;
};

function describe(nodeId: string, choice: CaseChoice): DebriefChoice {
  const { id, label, action, feedback, references } = choice;
  return { nodeId, choiceId: id, label, action, feedback, references };
}

function rank(a: CostlyDecision, b: CostlyDecision): number {
  const critical = Number(b.criticalError !== null) - Number(a.criticalError !== null);
  return critical || b.cost - a.cost || a.step - b.step;
}

/**
 * The debrief of a finished consult: the learner's path beside the expert's, the decisions that cost
 * most, critical items and the expert note. Built from the stored state and result, so an attempt
 * graded on an older version of the case (or before a field existed) still has one.
 */
export function buildDebrief(caseDef: CaseDef, state: ConsultState, result: ConsultResult): Debrief {
  const choices = new Map(allChoices(caseDef).map((entry) => [entry.choice.id, entry]));
  const expertIds = new Set(caseDef.expertPath);
  const errorByFlag = new Map(caseDef.rubric.criticalErrors.map((e) => [e.flag, e.id]));
  const menus = menusAlong(caseDef, state.path);
  const costs: CostlyDecision[] = [];
  const learner = state.path.flatMap((entry, i) => {
    const found = choices.get(entry.choiceId);
    if (found === undefined) return [];
    const step = { ...describe(entry.nodeId, found.choice), step: entry.step, minute: entry.minute, onExpertPath: expertIds.has(entry.choiceId) };
    const criticalError = (found.choice.effects?.flags ?? []).flatMap((f) => errorByFlag.get(f) ?? [])[0] ?? null;
    const cost = costOf(caseDef, entry, found.choice, menus[i] ?? null);
    if (cost > 0 || criticalError !== null) costs.push({ ...step, cost, criticalError, why: whyOf(found.choice) });
    return [step];
  });
  const offeredFlags = new Set(menus.flatMap((menu) => (menu ?? []).flatMap((c) => c.effects?.flags ?? [])));
  const expert = caseDef.expertPath.flatMap((id) => {
    const found = choices.get(id);
    return found === undefined ? [] : [describe(found.nodeId, found.choice)];
  });
  const { criticalActions, criticalErrors } = caseDef.rubric;
  return {
    learner,
    expert,
    costliest: costs.sort(rank).slice(0, COSTLIEST_SHOWN),
    criticalActions: criticalActions.map(({ id, label, references }) => ({ id, label, references, done: result.criticalActions.done.includes(id) })),
    criticalErrors: criticalErrors.map(({ id, label, flag, references }) => {
      const committed = result.criticalErrors.includes(id);
      return { id, label, references, committed, offered: committed || offeredFlags.has(flag) };
    }),
    ending: findNode(caseDef, state.nodeId)?.end ?? null,
    expertNote: caseDef.note.expert,
    result,
  };
}
