// The case-writing rules of the content check: no spoilers, no cueing, a note marked on content.
import type { CaseDef } from '@/lib/content/schemas/case';
import { checkBrief } from './lint-brief';
import { checkCueWording, checkExpertLongest, checkOptionLengths } from './lint-cueing';
import { checkKeyFacts } from './lint-note';
import { checkRepeatedLines } from './lint-story';

/** The rules, by name; every case must pass all of them. */
export const CASE_RULES = ['spoiler', 'cue-wording', 'option-length', 'expert-longest', 'repeated-lines', 'key-facts'] as const;
export type CaseRule = (typeof CASE_RULES)[number];

export type RuleProblem = { rule: CaseRule; message: string };

const checks: Record<CaseRule, (caseDef: CaseDef) => string[]> = {
  spoiler: checkBrief,
  'cue-wording': checkCueWording,
  'option-length': checkOptionLengths,
  'expert-longest': checkExpertLongest,
  'repeated-lines': checkRepeatedLines,
  'key-facts': checkKeyFacts,
};

/** Every case-writing problem, each with the rule it breaks (the message names the node, choice or field). */
export function lintCase(caseDef: CaseDef): RuleProblem[] {
  return CASE_RULES.flatMap((rule) => checks[rule](caseDef).map((message) => ({ rule, message: `[${rule}] ${message}` })));
}
