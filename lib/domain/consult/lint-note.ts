// "A note marked on its content": the key facts must be sound for the marking to mean anything.
import type { CaseDef } from '@/lib/content/schemas/case';
import { EMPTY_ANSWERS, NOTE_FIELDS, isEmptyAnswer, statesFact } from './note';
import { normalised } from './wording';

const emptyAnswers = new Set(EMPTY_ANSWERS);

/**
 * Key fact ids are unique; no accepted wording is itself an empty-content answer ("none", "ok"); and
 * the expert's note states every key fact of its field, so the expert note scores full marks and the
 * debrief's "missing" list can be trusted.
 */
export function checkKeyFacts(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const field of NOTE_FIELDS) {
    const expert = caseDef.note.expert[field];
    for (const fact of caseDef.note.keyFacts[field]) {
      const where = `note.keyFacts.${field} '${fact.id}'`;
      if (seen.has(fact.id)) problems.push(`${where}: the id is used by another key fact`);
      seen.add(fact.id);
      for (const wording of fact.accept.flat()) {
        if (emptyAnswers.has(normalised(wording)) || normalised(wording) === '') problems.push(`${where} accepts "${wording}", which says nothing`);
      }
      if (isEmptyAnswer(expert) || !statesFact(expert, fact)) problems.push(`${where}: the expert note's ${field} does not state it in any accepted wording`);
    }
  }
  return problems;
}
