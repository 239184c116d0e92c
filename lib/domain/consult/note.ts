// Marks a teleconsult note on its content: the key facts each field states, matched deterministically.
import { type CaseDef, type ConsultNote, type KeyFact, type NoteField, noteFieldSchema } from '@/lib/content/schemas/case';
import { containsPhrase, normalised, phraseOf, wordsOf } from './wording';
import type { NoteFactResult, NoteScore } from './types';

/** The note's fields in the order the form and the debrief show them. */
export const NOTE_FIELDS: readonly NoteField[] = noteFieldSchema.options;

/**
 * Answers that say nothing, compared after normalisation ("N/A" = "n a"). A field holding only one of
 * these, or fewer than three letters or digits ("-", "…", "ok"), scores nothing even if a key fact
 * would accept the word, so a learner cannot earn points by filling a box.
 */
export const EMPTY_ANSWERS: readonly string[] = [
  'n a', 'na', 'nil', 'none', 'nothing', 'no', 'yes', 'ok', 'okay', 'same', 'same as above', 'as above', 'see above',
  'as before', 'not applicable', 'not known', 'unknown', 'tbd', 'to follow', 'done', 'normal', 'nad', 'x', 'xx', 'xxx',
];
const emptyAnswers = new Set(EMPTY_ANSWERS);
const MIN_MEANINGFUL_CHARS = 3;

/** Whether a field's text says nothing at all: blank, punctuation, or an empty-content answer. */
export function isEmptyAnswer(value: string): boolean {
  const words = normalised(value);
  return words.replace(/ /g, '').length < MIN_MEANINGFUL_CHARS || emptyAnswers.has(words);
}

/** Whether a key fact is stated in `value`: any one of its accepted wordings (all phrases of a list). */
export function statesFact(value: string, fact: KeyFact): boolean {
  const words = wordsOf(value);
  return fact.accept.some((wording) =>
    typeof wording === 'string' ? containsPhrase(words, phraseOf(wording)) : wording.every((w) => containsPhrase(words, phraseOf(w))),
  );
}

function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * Scores a teleconsult note: note.points shared equally among all the key facts of all fields, for
 * each fact the learner's field states. `missing` lists the fields that earned nothing.
 */
export function scoreNote(caseDef: CaseDef, note: ConsultNote): NoteScore {
  const facts: NoteFactResult[] = NOTE_FIELDS.flatMap((field) => {
    const value = note[field];
    const empty = isEmptyAnswer(value);
    return caseDef.note.keyFacts[field].map((fact) => ({ field, id: fact.id, fact: fact.fact, found: !empty && statesFact(value, fact) }));
  });
  const found = facts.filter((f) => f.found).length;
  const max = caseDef.note.points;
  const points = facts.length === 0 ? 0 : Math.min(roundPoints((max * found) / facts.length), max);
  const missing = NOTE_FIELDS.filter((field) => !facts.some((f) => f.field === field && f.found));
  return { points, max, missing, facts };
}
