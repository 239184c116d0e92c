import { describe, expect, test } from 'vitest';
import {
  consultResultSchema,
  consultStateSchema,
  consultTranscript,
  finishConsult,
  learnerNoteSchema,
  NOTE_FIELD_MAX,
  replayConsult,
  startConsult,
} from '@/lib/domain/consult';
import { choiceById, fullNote, loadFixtureCase, play } from '../support/consult-fixture';

const EXPERT = ['intro-consent', 'ask-duration', 'switch-audio', 'ask-red-flags', 'count-aloud', 'to-plan', 'give-safety-net', 'close-good'];

describe('consultTranscript', () => {
  test('is empty at the start', () => {
    const caseDef = loadFixtureCase();
    expect(consultTranscript(caseDef, startConsult(caseDef))).toEqual([]);
  });

  test('records each choice with what was said and shown at its node, and the reply to it', () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'intro-consent').reply = [{ who: 'daughter', text: 'Yes, doctor, go ahead.' }];
    const [first, second] = consultTranscript(caseDef, play(caseDef, ['intro-consent', 'ask-duration']).state);
    expect(first).toEqual({
      step: 1,
      minute: 0,
      connection: 'video',
      say: [{ who: 'daughter', name: 'Hina', role: 'Daughter', text: 'Doctor, my father has had a cough for a week.' }],
      show: 'OPENING-SHOW-TEXT An older man sits on a charpai, coughing.',
      choice: { label: 'Introduce yourself and ask consent for a video consult.', action: 'ask' },
      reply: [{ who: 'daughter', name: 'Hina', role: 'Daughter', text: 'Yes, doctor, go ahead.' }],
      notices: [],
    });
    expect(second).toMatchObject({
      step: 2,
      say: [{ text: 'HISTORY-SAY What would you like to know?' }],
      reply: [{ name: 'Rafiq', text: 'REPLY-DURATION A week now, worse at night.' }],
    });
  });

  test('a question that loops back to its node does not repeat the node’s lines, but keeps its reply', () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'ask-red-flags').reply = [{ who: 'patient', text: 'No blood, no chest pain.' }];
    const entries = consultTranscript(caseDef, play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags']).state);
    expect(entries[2]).toMatchObject({ say: [], show: null, reply: [{ name: 'Rafiq', text: 'No blood, no chest pain.' }] });
  });

  test('shows each connection event at the step that set it off', () => {
    const caseDef = loadFixtureCase();
    const entries = consultTranscript(caseDef, play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags', 'count-aloud']).state);
    expect(entries.map((e) => e.notices)).toEqual([[], [], ['The picture freezes. You can still hear Hina.'], []]);
    expect(entries[3]?.connection).toBe('frozen');
  });

  test('holds nothing of unreached nodes, and no feedback, scores, flags or where a choice leads', () => {
    const caseDef = loadFixtureCase();
    const json = JSON.stringify(consultTranscript(caseDef, play(caseDef, ['intro-consent', 'ask-duration', 'to-plan']).state));
    for (const marker of ['PLAN-SAY', 'END-GOOD', 'END-PARTIAL', 'FEEDBACK-', 'Duration guides']) expect(json).not.toContain(marker);
    for (const key of ['next', 'effects', 'feedback', 'references', 'requires', 'flags', 'scores', 'nodeId', 'choiceId']) expect(json).not.toContain(`"${key}"`);
  });
});

describe('replayConsult', () => {
  test('gives the same state on the same case', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, EXPERT.slice(0, 5));
    expect(replayConsult(caseDef, state)).toEqual(state);
  });

  test('follows an edit that keeps the path playable', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'ask-duration']);
    choiceById(caseDef, 'ask-duration').effects = { scores: { D4: 2 }, flags: ['duration-asked'] };
    expect(replayConsult(caseDef, state)?.scores['D4']).toBe(2);
  });

  test('is null when a choice taken is no longer offered', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'look-breathing']);
    choiceById(caseDef, 'look-breathing').requires = { flags: [], notFlags: [], connection: ['sms'] };
    expect(replayConsult(caseDef, state)).toBeNull();
  });
});

describe('stored shapes', () => {
  test('a state and a result survive a JSON round trip through their schemas', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, EXPERT);
    const finished = finishConsult(caseDef, state, fullNote);
    if (!finished.ok) throw new Error(finished.error);
    expect(consultStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(consultResultSchema.parse(JSON.parse(JSON.stringify(finished.result)))).toEqual(finished.result);
  });

  test('a stored state of another shape is refused', () => {
    expect(consultStateSchema.safeParse({ nodeId: 'opening', step: 0 }).success).toBe(false);
  });
});

describe('learnerNoteSchema', () => {
  test('trims every field', () => {
    expect(learnerNoteSchema.parse({ ...fullNote, plan: '  Review in two days  ' }).plan).toBe('Review in two days');
  });

  test.each([
    { name: 'an empty field', note: { ...fullNote, consent: ' ' }, field: 'consent' },
    { name: 'a missing field', note: { ...fullNote, safetyNet: undefined }, field: 'safetyNet' },
    { name: `a field over ${NOTE_FIELD_MAX} characters`, note: { ...fullNote, findings: 'a'.repeat(NOTE_FIELD_MAX + 1) }, field: 'findings' },
    { name: 'an unknown field', note: { ...fullNote, diagnosis: 'Pneumonia' }, field: '' },
  ])('refuses $name', ({ note, field }) => {
    const parsed = learnerNoteSchema.safeParse(note);
    expect(parsed.success).toBe(false);
    if (field) expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  test(`accepts exactly ${NOTE_FIELD_MAX} characters`, () => {
    expect(learnerNoteSchema.safeParse({ ...fullNote, findings: 'a'.repeat(NOTE_FIELD_MAX) }).success).toBe(true);
  });
});
