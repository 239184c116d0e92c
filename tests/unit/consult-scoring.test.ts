// Scoring a finished consult (note, domains, critical actions and errors) and its debrief.
import { describe, expect, test } from 'vitest';
import { buildDebrief, finishConsult, scoreNote } from '@/lib/domain/consult';
import { EXPERT, FROZEN_77, NO_RED_FLAGS, FROZEN_COUNT, finish, choiceById, fullNote, loadFixtureCase, play } from '../support/consult-fixture';

describe('scoreNote: the note is marked on the key facts it states', () => {
  // The fixture has 8 key facts worth 2 points: 0.25 each.
  const blank = { modality: '', location: '', consent: '', present: '', findings: '', plan: '', safetyNet: '' };
  const junk = { modality: 'n/a', location: '-', consent: 'same', present: 'None', findings: 'nil', plan: 'OK', safetyNet: 'N/A' };
  test.each([
    { name: 'every key fact stated: full points', note: fullNote, points: 2, missing: [] },
    { name: 'every field empty: no points', note: blank, points: 0, missing: Object.keys(blank) },
    { name: 'empty-content answers ("n/a", "-", "same", "none", "nil", "ok"): no points', note: junk, points: 0, missing: Object.keys(blank) },
    { name: 'words that state no key fact score nothing', note: { ...fullNote, findings: 'Patient seen and examined.' }, points: 1.5, missing: ['findings'] },
    { name: 'case and accents do not matter', note: { ...fullNote, modality: 'VÍDEO, then ÁUDIO' }, points: 2, missing: [] },
    { name: 'a Roman Urdu wording counts where the case lists one', note: { ...fullNote, findings: 'Khansi ek hafta se; no red flags' }, points: 2, missing: [] },
    { name: 'a wording that is a list needs all its phrases', note: { ...fullNote, modality: 'Video' }, points: 1.75, missing: ['modality'] },
    { name: 'a word ending in * matches words that go on', note: { ...fullNote, safetyNet: 'Come today if breathlessness' }, points: 2, missing: [] },
    { name: 'whole words only: "homework" is not "home"', note: { ...fullNote, location: 'homework' }, points: 1.75, missing: ['location'] },
    { name: 'one of two facts in a field counts half of that field', note: { ...fullNote, findings: 'Cough for a week.' }, points: 1.75, missing: [] },
  ])('$name', ({ note, points, missing }) => {
    const score = scoreNote(loadFixtureCase(), note);
    expect(score).toMatchObject({ points, max: 2, missing });
  });

  test('lists every key fact with whether it was found, for the debrief', () => {
    const score = scoreNote(loadFixtureCase(), { ...fullNote, findings: 'Cough for a week.' });
    expect(score.facts).toHaveLength(8);
    expect(score.facts?.filter((f) => !f.found)).toEqual([{ field: 'findings', id: 'no-red-flags', fact: 'No red flags', found: false }]);
  });

  test('an empty-content answer scores nothing even when a key fact would accept the word', () => {
    const caseDef = loadFixtureCase();
    caseDef.note.keyFacts.present = [{ id: 'nobody', fact: 'Nobody else', accept: ['none'] }];
    expect(scoreNote(caseDef, { ...fullNote, present: 'None' }).missing).toEqual(['present']);
    expect(scoreNote(caseDef, { ...fullNote, present: 'None besides the patient' }).missing).toEqual([]);
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
