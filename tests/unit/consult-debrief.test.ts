// The debrief read in two minutes: the decisions that cost most, and "errors avoided" only where the
// learner had the chance to make them; and a result stored before notes were marked on content.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadYamlDir } from '@/lib/content/load-yaml-dir';
import { caseSchema } from '@/lib/content/schemas/case';
import { buildDebrief, consultResultSchema, finishConsult } from '@/lib/domain/consult';
import { whyOf } from '@/lib/domain/consult/debrief-costs';
import { EXPERT, FROZEN_77, FROZEN_COUNT, NO_RED_FLAGS, finish, fullNote, loadFixtureCase, play } from '../support/consult-fixture';

const shipped = await loadYamlDir(path.join(process.cwd(), 'content', 'cases'), caseSchema, []);
const c4 = shipped.find((c) => c.def.id === 'chest-pain-lagging-video')!.def;

function debriefOf(ids: string[], caseDef = loadFixtureCase()) {
  return buildDebrief(caseDef, play(caseDef, ids).state, finish(ids, caseDef));
}

describe('the decisions that cost most', () => {
  test('the expert path has none', () => {
    expect(debriefOf(EXPERT).costliest).toEqual([]);
  });

  test("leaving a history hub costs the points of the expert's questions left unasked there", () => {
    const { costliest } = debriefOf(NO_RED_FLAGS);
    expect(costliest.map((c) => [c.choiceId, c.cost, c.criticalError])).toEqual([['to-plan', 2, null]]);
  });

  test('a critical error comes first, whatever its points', () => {
    const { costliest } = debriefOf(FROZEN_COUNT);
    expect(costliest[0]).toMatchObject({ choiceId: 'count-frozen', criticalError: 'frozen-count' });
  });

  test('C4 sent home with an antacid: the antacid first, then the history skipped, each with one line of why', () => {
    const ids = ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype'];
    const finished = finishConsult(c4, play(c4, ids).state, c4.note.expert);
    if (!finished.ok) throw new Error(finished.error);
    const { costliest } = buildDebrief(c4, play(c4, ids).state, finished.result);
    expect(costliest.map((c) => [c.choiceId, c.cost, c.criticalError])).toEqual([
      ['assess-gas-stereotype', 19, 'antacid-follow-up'],
      ['pain-hub-next', 5, null],
      ['context-hub-next', 2, null],
    ]);
    expect(costliest[0]?.why).toBe('Deferred to the family\'s "only gas" and sent him an antacid instead of emergency care.');
  });

  test('without a `why`, the line is the first sentence of the feedback with five words or more', () => {
    expect(whyOf({ feedback: 'Critical error. You ended the call with no help arranged. Do not.' })).toBe('You ended the call with no help arranged.');
    expect(whyOf({ why: 'Given.', feedback: 'Critical error. Anything.' })).toBe('Given.');
  });
});

describe('critical errors offered', () => {
  test('an error never offered on the path is not "avoided": switched to audio before the picture froze', () => {
    expect(debriefOf(NO_RED_FLAGS).criticalErrors).toMatchObject([{ id: 'frozen-count', committed: false, offered: false }]);
  });

  test('an error offered and not taken is avoided: the picture froze and the learner did not count on it', () => {
    expect(debriefOf(FROZEN_77).criticalErrors).toMatchObject([{ id: 'frozen-count', committed: false, offered: true }]);
  });

  test('C4 sent home with an antacid never reached the choices that end the call or skip the address', () => {
    const ids = ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype'];
    const state = play(c4, ids).state;
    const finished = finishConsult(c4, state, c4.note.expert);
    if (!finished.ok) throw new Error(finished.error);
    const avoided = buildDebrief(c4, state, finished.result).criticalErrors.filter((e) => e.offered && !e.committed);
    expect(avoided).toEqual([]);
  });
});

describe('a result stored before notes were marked on content', () => {
  // As finishConsult stored it until issue 16: note.missing only, no note.facts.
  const stored = {
    domains: { D1: { points: 4, max: 4, percent: 100 }, D3: { points: 2, max: 2, percent: 100 }, D4: { points: 3, max: 3, percent: 100 }, D6: { points: 3.71, max: 4, percent: 93 } },
    total: { points: 12.71, max: 13, percent: 98 },
    note: { points: 1.71, max: 2, missing: ['location'] },
    criticalActions: { done: ['red-flags', 'safety-net'], missed: [] },
    criticalErrors: [],
    outcome: 'good',
    passed: true,
  };

  test('still parses, and still builds a debrief', () => {
    const result = consultResultSchema.parse(stored);
    expect(result.note.facts).toBeUndefined();
    const caseDef = loadFixtureCase();
    const debrief = buildDebrief(caseDef, play(caseDef, EXPERT).state, result);
    expect(debrief.result.note).toEqual({ points: 1.71, max: 2, missing: ['location'] });
    expect(debrief.learner).toHaveLength(EXPERT.length);
    expect(debrief.ending?.outcome).toBe('good');
  });

  test('a new result round-trips with its key facts', () => {
    const result = finish(EXPERT, loadFixtureCase(), fullNote);
    expect(consultResultSchema.parse(JSON.parse(JSON.stringify(result))).note.facts).toHaveLength(8);
  });
});
