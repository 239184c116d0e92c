// Scoring a finished consult (note, domains, critical actions and errors) and its debrief.
import { describe, expect, test } from 'vitest';
import { buildDebrief, finishConsult, scoreNote } from '@/lib/domain/consult';
import { EXPERT, FROZEN_77, NO_RED_FLAGS, FROZEN_COUNT, finish, choiceById, fullNote, loadFixtureCase, play } from '../support/consult-fixture';

describe('scoreNote', () => {
  const blank = { modality: '', location: '', consent: '', present: '', findings: '', plan: '', safetyNet: '' };
  test.each([
    { name: 'every field filled: full points', note: fullNote, points: 2, missing: [] },
    { name: 'every field empty: no points', note: blank, points: 0, missing: Object.keys(blank) },
    { name: 'two letters do not count', note: { ...fullNote, findings: 'ok' }, points: 1.71, missing: ['findings'] },
    { name: 'three letters count', note: { ...fullNote, findings: 'abc' }, points: 2, missing: [] },
    { name: 'surrounding spaces are trimmed', note: { ...fullNote, plan: '   ab   ' }, points: 1.71, missing: ['plan'] },
    { name: 'punctuation is not meaningful', note: { ...fullNote, plan: '....', consent: '---' }, points: 1.43, missing: ['consent', 'plan'] },
    { name: "'n/a' does not count", note: { ...fullNote, location: 'n/a' }, points: 1.71, missing: ['location'] },
    { name: 'Urdu script counts', note: { ...fullNote, findings: 'بخار' }, points: 2, missing: [] },
  ])('$name', ({ note, points, missing }) => {
    expect(scoreNote(loadFixtureCase(), note)).toEqual({ points, max: 2, missing });
  });
});

describe('finishConsult', () => {
  test('refuses a consult that has not ended', () => {
    const caseDef = loadFixtureCase();
    expect(finishConsult(caseDef, play(caseDef, ['intro-consent']).state, fullNote)).toEqual({ ok: false, error: 'not_ended' });
  });

  test('the expert path scores 100% and passes; the note adds its points and max to its domain', () => {
    const result = finish(EXPERT);
    expect(result.domains).toEqual({
      D1: { points: 4, max: 4, percent: 100 },
      D3: { points: 2, max: 2, percent: 100 },
      D4: { points: 3, max: 3, percent: 100 },
      D6: { points: 4, max: 4, percent: 100 },
    });
    expect(result.total).toEqual({ points: 13, max: 13, percent: 100 });
    expect(result).toMatchObject({ outcome: 'good', passed: true, criticalErrors: [], criticalActions: { done: ['red-flags', 'safety-net'], missed: [] } });
  });

  test('a raw score above the domain maximum is capped at it', () => {
    const caseDef = loadFixtureCase();
    const ids = ['intro-consent', 'ask-duration', 'look-breathing', 'switch-audio', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];
    expect(play(caseDef, ids).state.scores['D4']).toBe(4);
    expect(finish(ids, caseDef).domains.D4).toEqual({ points: 3, max: 3, percent: 100 });
  });

  test('a negative raw score is capped at 0', () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'close-early').effects = { scores: { D1: -5 }, flags: [] };
    const result = finish(['intro-consent', 'to-plan', 'close-early'], caseDef);
    expect(result.domains.D1).toEqual({ points: 0, max: 4, percent: 0 });
    expect(result.outcome).toBe('partial');
  });

  test.each([
    { name: 'total exactly at pass.minScore passes', minScore: 77, passed: true },
    { name: 'pass.minScore one above the total fails', minScore: 78, passed: false },
  ])('$name', ({ minScore, passed }) => {
    const caseDef = loadFixtureCase();
    caseDef.pass.minScore = minScore;
    const result = finish(FROZEN_77, caseDef);
    expect(result.total).toEqual({ points: 10, max: 13, percent: 77 });
    expect(result.passed).toBe(passed);
  });

  test.each([
    { name: 'a critical error fails a 92% consult', ids: FROZEN_COUNT, percent: 92, errors: ['frozen-count'], missed: [] },
    { name: 'a missed critical action fails an 85% consult', ids: NO_RED_FLAGS, percent: 85, errors: [], missed: ['red-flags'] },
  ])('$name', ({ ids, percent, errors, missed }) => {
    const result = finish(ids);
    expect(result.total.percent).toBe(percent);
    expect(result.criticalErrors).toEqual(errors);
    expect(result.criticalActions.missed).toEqual(missed);
    expect(result.passed).toBe(false);
  });

  test('a critical error fails even at 100%', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, EXPERT);
    const finished = finishConsult(caseDef, { ...state, flags: [...state.flags, 'used-frozen-count'].sort() }, fullNote);
    expect(finished.ok && finished.result.total.percent).toBe(100);
    expect(finished.ok && finished.result.passed).toBe(false);
  });
});

describe('buildDebrief', () => {
  test('sets the learner’s path beside the expert’s, with critical items and the expert note', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, NO_RED_FLAGS);
    const debrief = buildDebrief(caseDef, state, finish(NO_RED_FLAGS, caseDef));
    expect(debrief.learner.map((s) => [s.choiceId, s.onExpertPath])).toEqual(NO_RED_FLAGS.map((id) => [id, EXPERT.includes(id)]));
    expect(debrief.learner[0]).toMatchObject({ step: 1, nodeId: 'opening', action: 'ask', feedback: 'FEEDBACK-INTRO Consent first.', references: ['fixture-ref-b'] });
    expect(debrief.expert.map((s) => s.choiceId)).toEqual(EXPERT);
    expect(debrief.expert[3]).toMatchObject({ nodeId: 'history', label: choiceById(caseDef, 'ask-red-flags').label, references: ['fixture-ref-a'] });
    expect(debrief.criticalActions).toEqual([
      { id: 'red-flags', label: 'Asked about red-flag symptoms', references: ['fixture-ref-a'], done: false },
      { id: 'safety-net', label: 'Gave a safety-net plan', references: ['fixture-ref-b'], done: true },
    ]);
    expect(debrief.criticalErrors.map((e) => e.committed)).toEqual([false]);
    expect(debrief.ending).toEqual({ outcome: 'good', text: 'END-GOOD-TEXT He improved and the review call went ahead.' });
    expect(debrief.expertNote).toEqual(caseDef.note.expert);
  });
});
