// Clinical review: the items a reviewer signs off and the decisions they record. Pure.

/**
 * What can be signed off: a lesson, one quiz question, a virtual-consult case, a reference entry
 * (clinical review); a case's Urdu lines, a "say it in Urdu" phrase panel, a namespace of the Urdu
 * interface strings (translation review, by a native speaker).
 */
export const itemKinds = ['lesson', 'question', 'case', 'reference', 'urdu-case', 'urdu-phrases', 'urdu-interface'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** The kinds a native speaker of Urdu reviews: what they approve is a translation, not clinical content. */
export const translationKinds = ['urdu-case', 'urdu-phrases', 'urdu-interface'] as const satisfies readonly ItemKind[];

/** Whether an item is a translation (reviewed by a native speaker) rather than clinical content. */
export function isTranslation(kind: ItemKind): boolean {
  return translationKinds.some((k) => k === kind);
}

export const decisionKinds = ['signed-off', 'changes-requested'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/**
 * An item by its stable id: `module/lesson` for a lesson, `quiz/question` for a question, the case
 * id, the reference id.
 */
export type ItemRef = { kind: ItemKind; id: string };

/** An item of this build's content, with the hash of exactly what a sign-off approves. */
export type ReviewItem = ItemRef & {
  hash: string;
  title: string;
  /** The module slug of a lesson, the quiz id of a question; for a case or a reference, its own id. */
  group: string;
  /** The reference ids the item cites (none for a reference). */
  cites: readonly string[];
};

/** One recorded decision, as the rules read it. */
export type Decision = ItemRef & {
  decisionId: string;
  hash: string;
  decision: DecisionKind;
  reviewerName: string;
  decidedAt: Date;
  comment: string | null;
};

/** The key of an item in maps and forms: `lesson:remote-examination/counting-breathing`. */
export function itemKey(ref: ItemRef): string {
  return `${ref.kind}:${ref.id}`;
}
