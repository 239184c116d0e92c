// Which items a programme certifies, and whether all of them are signed off. Pure.
import { type ReviewState } from './state';
import { type ReviewItem, itemKey } from './types';

/** The parts of a programme's requirements that name content. */
export type ProgrammeRequirements = {
  modules: readonly string[];
  quizzes: readonly { quiz: string }[];
  consults: { required: readonly string[]; anyOf?: { from: readonly string[] } };
};

/**
 * Every item a programme certifies: each lesson of its modules, each question of its quizzes
 * (any may be drawn), each case it names (required or one of an "any of" list, since any may be
 * the one a learner passes), and each reference those items cite.
 */
export function itemsCertifiedBy(requirements: ProgrammeRequirements, items: readonly ReviewItem[]): ReviewItem[] {
  const modules = new Set(requirements.modules);
  const quizzes = new Set(requirements.quizzes.map((q) => q.quiz));
  const cases = new Set([...requirements.consults.required, ...(requirements.consults.anyOf?.from ?? [])]);
  const teaching = items.filter(
    (i) => (i.kind === 'lesson' && modules.has(i.group)) || (i.kind === 'question' && quizzes.has(i.group)) || (i.kind === 'case' && cases.has(i.id)),
  );
  const cited = new Set(teaching.flatMap((i) => i.cites));
  return [...teaching, ...items.filter((i) => i.kind === 'reference' && cited.has(i.id))];
}

export type SignOffGate = {
  /** True when every item is signed off at its current version. */
  complete: boolean;
  total: number;
  signedOff: number;
  /** The items still to sign off, with their state (awaiting, changes requested, edited since). */
  pending: { item: ReviewItem; state: ReviewState }[];
};

/** Whether every one of `items` is signed off at its current hash. An empty list is complete. */
export function signOffGate(items: readonly ReviewItem[], states: ReadonlyMap<string, ReviewState>): SignOffGate {
  const pending = items
    .map((item) => ({ item, state: states.get(itemKey(item)) ?? { state: 'awaiting' as const } }))
    .filter(({ state }) => state.state !== 'signed-off');
  return { complete: pending.length === 0, total: items.length, signedOff: items.length - pending.length, pending };
}
