// "Choices without cues": a learner should not find the expert's choice by its length or its wording.
import type { CaseChoice, CaseDef } from '@/lib/content/schemas/case';
import { availableChoices, startConsult } from './state';
import { stepConsult } from './step';
import { normalised } from './wording';

/** The longest option of a decision point may be at most this many times the median of the others. */
export const MAX_LENGTH_RATIO = 1.6;
/** The expert's choice may be the longest option offered in at most this share of the expert path's decision points. */
export const MAX_EXPERT_LONGEST_SHARE = 1 / 3;

/** An option's length: characters of its label, white space collapsed (what the eye compares). */
export function optionLength(choice: Pick<CaseChoice, 'label'>): number {
  return choice.label.trim().replace(/\s+/g, ' ').length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Within each decision point (a node with two or more choices, whatever their `requires`): the longest
 * label is at most MAX_LENGTH_RATIO times the median length of the other labels. Comparing with the
 * others, not with a median that includes the longest, keeps two-option nodes honest (at most 1.6×).
 */
export function checkOptionLengths(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  for (const [id, node] of Object.entries(caseDef.nodes)) {
    if (node.choices.length < 2) continue;
    const lengths = node.choices.map(optionLength);
    const longest = Math.max(...lengths);
    const at = lengths.indexOf(longest);
    const others = median(lengths.filter((_l, i) => i !== at));
    if (longest > MAX_LENGTH_RATIO * others) {
      const choice = node.choices[at]?.id ?? '?';
      problems.push(
        `node '${id}': choice '${choice}' is ${longest} characters, more than ${MAX_LENGTH_RATIO} × the median of the others (${others}); make the options comparable in length`,
      );
    }
  }
  return problems;
}

/** Each decision point of the expert path (a menu of two or more options) and whether the expert's choice is the longest in it. */
export function expertLongestPoints(caseDef: CaseDef): { nodeId: string; choiceId: string; longest: boolean }[] {
  const points: { nodeId: string; choiceId: string; longest: boolean }[] = [];
  let state = startConsult(caseDef);
  for (const choiceId of caseDef.expertPath) {
    const menu = availableChoices(caseDef, state);
    const chosen = menu.find((c) => c.id === choiceId);
    if (chosen === undefined) break;
    if (menu.length >= 2) {
      const others = menu.filter((c) => c !== chosen).map(optionLength);
      points.push({ nodeId: state.nodeId, choiceId, longest: optionLength(chosen) >= Math.max(...others) });
    }
    const stepped = stepConsult(caseDef, state, choiceId);
    if (!stepped.ok) break;
    state = stepped.state;
  }
  return points;
}

/** Across the expert path, the expert's choice is the longest option (ties included) in at most a third of its decision points. */
export function checkExpertLongest(caseDef: CaseDef): string[] {
  const points = expertLongestPoints(caseDef);
  const longest = points.filter((p) => p.longest);
  if (longest.length <= MAX_EXPERT_LONGEST_SHARE * points.length) return [];
  return [
    `the expert's choice is the longest option in ${longest.length} of ${points.length} decision points (at most a third may be): ${longest.map((p) => `'${p.choiceId}'`).join(', ')}`,
  ];
}

/**
 * Wording that steers the learner. `raw` patterns read the label as written (for punctuation: "Stop:"),
 * the others its normalised words. "Stop the metformin" and "Wait for her to call back" are actions,
 * not cues, so a bare opening "stop" or "wait" is allowed; "Stop.", "Stop and …" and "First, …" are not.
 */
const CUE_WORDING: readonly { pattern: RegExp; raw?: true; why: string }[] = [
  { pattern: /^\s*(stop|wait|pause|hold on|hang on|careful|remember|first)\s*[:.!,;\u2013\u2014-]/i, raw: true, why: 'opens by telling the learner to stop, or what comes first' },
  { pattern: /^(stop|wait|pause) (and|before|now and|here and)\b/, why: 'opens by telling the learner to stop' },
  { pattern: /^(first|firstly|go back)\b/, why: 'opens by telling the learner what comes first, or to go back' },
  { pattern: /\b(reconsider|rethink|think again|thinking again|step back|second thoughts?|on reflection)\b/, why: 'tells the learner to reconsider' },
  { pattern: /\byou (still|yet) (do not|don t|have not|haven t|did not|didn t)\b|\byou have not yet\b|\bnot yet (asked|checked|looked|taken)\b/, why: 'points at something the learner has not done' },
  { pattern: /\b(you forgot|you missed|too late)\b/, why: 'points at something the learner has not done' },
  { pattern: /\bbefore (anything else|any more|going any further)\b/, why: 'says what must come first' },
];

/** No choice label tells the learner to stop, reconsider, what comes first, or what they have not done yet. */
export function checkCueWording(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  for (const [id, node] of Object.entries(caseDef.nodes)) {
    for (const choice of node.choices) {
      const words = normalised(choice.label);
      const cue = CUE_WORDING.find(({ pattern, raw }) => pattern.test(raw ? choice.label : words));
      if (cue !== undefined) problems.push(`node '${id}' choice '${choice.id}': its label ${cue.why} ("${choice.label.slice(0, 60)}")`);
    }
  }
  return problems;
}
