// Loads the fictional consult fixture and plays choices through the engine, for the consult tests.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { caseSchema, type CaseChoice, type CaseDef } from '@/lib/content/schemas/case';
import { finishConsult, startConsult, stepConsult, type ConsultMessage, type ConsultResult, type ConsultState } from '@/lib/domain/consult';

const fixtureYaml = readFileSync(new URL('../fixtures/cases/fixture-cough.yaml', import.meta.url), 'utf8');

/** The fixture as parsed YAML, before the schema (for schema tests). */
export function fixtureYamlData(): unknown {
  return parse(fixtureYaml);
}

/** A fresh parsed copy of the fixture case: mutate it freely. */
export function loadFixtureCase(): CaseDef {
  return caseSchema.parse(fixtureYamlData());
}

/** The choice with this id, wherever it is; throws if the fixture has none. */
export function choiceById(caseDef: CaseDef, id: string): CaseChoice {
  for (const node of Object.values(caseDef.nodes)) {
    const choice = node.choices.find((c) => c.id === id);
    if (choice !== undefined) return choice;
  }
  throw new Error(`fixture has no choice '${id}'`);
}

/** Plays the choices from the start (or from `from`); throws on the first refused step. */
export function play(caseDef: CaseDef, ids: string[], from?: ConsultState): { state: ConsultState; messages: ConsultMessage[] } {
  let state = from ?? startConsult(caseDef);
  const messages: ConsultMessage[] = [];
  for (const id of ids) {
    const stepped = stepConsult(caseDef, state, id);
    if (!stepped.ok) throw new Error(`step '${id}' at '${state.nodeId}' refused: ${stepped.error}`);
    state = stepped.state;
    messages.push(...stepped.messages);
  }
  return { state, messages };
}

/** A complete note: every field filled in. */
export const fullNote = {
  modality: 'Video then audio',
  location: 'Home',
  consent: 'Verbal',
  present: 'Patient, daughter',
  findings: 'Cough for a week, no red flags',
  plan: 'Review in two days',
  safetyNet: 'Seek care if breathless',
};

/** The fixture's expert path: every point, audio switch included. */
export const EXPERT = ['intro-consent', 'ask-duration', 'switch-audio', 'ask-red-flags', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
/** Stays on video until the picture freezes at minute 3: 10 of 13 points (77%). */
export const FROZEN_77 = ['skip-intro', 'ask-red-flags', 'ask-duration', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
/** Never asks about red flags: 11 of 13 points (85%). */
export const NO_RED_FLAGS = ['intro-consent', 'ask-duration', 'switch-audio', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
/** Counts breathing on the frozen picture: 12 of 13 points (92%). */
export const FROZEN_COUNT = ['intro-consent', 'ask-duration', 'ask-red-flags', 'count-aloud', 'count-frozen', 'give-safety-net', 'close-good'];

/** Plays `ids` to the end and finishes with `note`; throws if the consult does not end. */
export function finish(ids: string[], caseDef = loadFixtureCase(), note = fullNote): ConsultResult {
  const finished = finishConsult(caseDef, play(caseDef, ids).state, note);
  if (!finished.ok) throw new Error(finished.error);
  return finished.result;
}
