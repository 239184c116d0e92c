// The consult engine: starting, stepping and the learner's view (timed events: consult-engine-events.test.ts).
import { describe, expect, test } from 'vitest';
import { availableChoices, consultView, startConsult, stepConsult, type ConsultState } from '@/lib/domain/consult';
import { EXPERT, FROZEN_77, FROZEN_COUNT, choiceById, loadFixtureCase, play } from '../support/consult-fixture';

describe('startConsult', () => {
  test('starts at the start node, minute 0, on the case modality, with zero scores', () => {
    const state = startConsult(loadFixtureCase());
    expect(state).toEqual({
      nodeId: 'opening',
      step: 0,
      minute: 0,
      connection: 'video',
      flags: [],
      scores: { D1: 0, D3: 0, D4: 0, D6: 0 },
      taken: [],
      path: [],
      events: [],
      ended: false,
    });
  });

  test('a state survives a JSON round trip (it is stored as jsonb) and plays on identically', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, EXPERT.slice(0, 3));
    const restored: ConsultState = JSON.parse(JSON.stringify(state));
    expect(restored).toEqual(state);
    expect(play(caseDef, EXPERT.slice(3), restored)).toEqual(play(caseDef, EXPERT.slice(3), state));
  });
});

describe('stepConsult', () => {
  test.each([
    { name: 'expert path', ids: EXPERT },
    { name: 'frozen path', ids: FROZEN_77 },
    { name: 'critical error path', ids: FROZEN_COUNT },
  ])('replay is deterministic: $name', ({ ids }) => {
    const caseDef = loadFixtureCase();
    expect(play(caseDef, ids)).toEqual(play(caseDef, ids));
  });

  test('stepping twice from the same state gives the same result and leaves the state untouched', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent']);
    const before = structuredClone(state);
    const first = stepConsult(caseDef, state, 'ask-duration');
    const second = stepConsult(caseDef, state, 'ask-duration');
    expect(first).toEqual(second);
    expect(state).toEqual(before);
  });

  test('a self-loop can be taken once, then it is no longer offered', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'ask-duration']);
    expect(state.nodeId).toBe('history');
    expect(availableChoices(caseDef, state).map((c) => c.id)).not.toContain('ask-duration');
    expect(stepConsult(caseDef, state, 'ask-duration')).toEqual({ ok: false, error: 'not_available' });
  });

  test('a choice that leaves its node may be taken again when the node is reached again', () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'close-early').next = 'history';
    const { state } = play(caseDef, ['intro-consent', 'to-plan', 'close-early']);
    expect(availableChoices(caseDef, state).map((c) => c.id)).toContain('to-plan');
  });

  test.each([
    { name: 'unknown id', at: ['intro-consent'], id: 'no-such-choice', error: 'unknown_choice' },
    { name: 'a choice of another node', at: ['intro-consent'], id: 'close-good', error: 'unknown_choice' },
    { name: 'requires flags not set', at: ['intro-consent', 'to-plan'], id: 'close-good', error: 'not_available' },
    { name: 'requires another connection', at: ['intro-consent'], id: 'count-aloud', error: 'not_available' },
    { name: 'after the end', at: EXPERT, id: 'close-good', error: 'ended' },
  ])('refuses $name', ({ at, id, error }) => {
    const caseDef = loadFixtureCase();
    expect(stepConsult(caseDef, play(caseDef, at).state, id)).toEqual({ ok: false, error });
  });

  test.each([
    { name: 'video offers video-only choices, hides audio ones', at: ['intro-consent'], shown: ['look-breathing', 'switch-audio'], hidden: ['count-aloud', 'count-frozen'] },
    { name: 'audio hides video-only choices', at: ['intro-consent', 'switch-audio'], shown: ['count-aloud'], hidden: ['look-breathing', 'count-frozen', 'switch-audio'] },
    { name: 'frozen offers frozen choices, hides video ones', at: ['intro-consent', 'ask-duration', 'ask-red-flags'], shown: ['count-aloud', 'count-frozen', 'switch-audio'], hidden: ['look-breathing'] },
  ])('requires by connection: $name', ({ at, shown, hidden }) => {
    const caseDef = loadFixtureCase();
    const ids = availableChoices(caseDef, play(caseDef, at).state).map((c) => c.id);
    for (const id of shown) expect(ids).toContain(id);
    for (const id of hidden) expect(ids).not.toContain(id);
  });

  test.each([
    { ids: ['intro-consent'], minute: 1 },
    { ids: ['intro-consent', 'ask-duration'], minute: 2 },
    { ids: ['intro-consent', 'switch-audio', 'count-aloud'], minute: 4 },
  ])('the clock advances by each choice’s minutes (default 1): $ids → minute $minute', ({ ids, minute }) => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ids);
    expect(state.minute).toBe(minute);
    expect(state.step).toBe(ids.length);
    expect(state.taken).toEqual(ids);
  });

  test('the path records each choice with the minute and connection before it', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'switch-audio', 'count-aloud']);
    expect(state.path).toEqual([
      { step: 1, nodeId: 'opening', choiceId: 'intro-consent', minute: 0, connectionBefore: 'video' },
      { step: 2, nodeId: 'history', choiceId: 'switch-audio', minute: 1, connectionBefore: 'video' },
      { step: 3, nodeId: 'history', choiceId: 'count-aloud', minute: 2, connectionBefore: 'audio' },
    ]);
  });

  test('effects set flags (sorted, once) and add raw scores', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'ask-red-flags', 'ask-duration']);
    expect(state.flags).toEqual(['consent-obtained', 'duration-asked', 'red-flags-asked']);
    expect(state.scores).toEqual({ D1: 2, D3: 0, D4: 1, D6: 2 });
  });

  test('arriving at a node with a connection sets it', () => {
    const caseDef = loadFixtureCase();
    const plan = caseDef.nodes['plan'];
    if (plan === undefined) throw new Error('fixture has no plan node');
    plan.connection = 'sms';
    expect(play(caseDef, ['intro-consent', 'to-plan']).state.connection).toBe('sms');
  });

  test('marks the consult ended on arrival at an end node', () => {
    const caseDef = loadFixtureCase();
    expect(play(caseDef, EXPERT.slice(0, -1)).state.ended).toBe(false);
    expect(play(caseDef, EXPERT).state.ended).toBe(true);
  });
});

describe('consultView', () => {
  const FORBIDDEN_KEYS = ['next', 'effects', 'feedback', 'references', 'requires', 'flags', 'scores', 'rubric', 'end', 'expertPath', 'taken', 'path'];
  const MARKERS = ['OPENING-SHOW-TEXT', 'HISTORY-SAY', 'PLAN-SAY', 'END-GOOD-SAY', 'END-PARTIAL-SAY', 'END-GOOD-TEXT', 'END-PARTIAL-TEXT', 'FEEDBACK-', 'REPLY-DURATION', 'DEBRIEF-'];

  test.each([
    { at: [], node: 'opening', own: ['OPENING-SHOW-TEXT'] },
    { at: ['intro-consent'], node: 'history', own: ['HISTORY-SAY'] },
    { at: ['intro-consent', 'to-plan'], node: 'plan', own: ['PLAN-SAY'] },
    { at: ['intro-consent', 'ask-duration'], node: 'history (after a question)', own: ['REPLY-DURATION'] },
    { at: EXPERT, node: 'end-good', own: ['END-GOOD-SAY'] },
  ])('at $node it shows only the current node and leaks nothing else', ({ at, own }) => {
    const caseDef = loadFixtureCase();
    const json = JSON.stringify(consultView(caseDef, play(caseDef, at).state));
    for (const key of FORBIDDEN_KEYS) expect(json).not.toContain(`"${key}"`);
    for (const marker of MARKERS) {
      if (own.includes(marker)) expect(json).toContain(marker);
      else expect(json).not.toContain(marker);
    }
  });

  test('choices are id, label and action only, and only the available ones', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'switch-audio']);
    const view = consultView(caseDef, state);
    expect(view.choices).toEqual(availableChoices(caseDef, state).map(({ id, label, action }) => ({ id, label, action })));
    for (const choice of view.choices) expect(Object.keys(choice).sort()).toEqual(['action', 'id', 'label']);
  });

  test('names the speaker and shows the event notice of the latest step only', () => {
    const caseDef = loadFixtureCase();
    expect(consultView(caseDef, play(caseDef, ['intro-consent']).state).say[0]).toMatchObject({ who: 'patient', name: 'Rafiq', role: 'Patient' });
    const frozen = play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags']).state;
    const view = consultView(caseDef, frozen);
    expect(view.notices).toEqual(['The picture freezes. You can still hear Hina.']);
    expect(view.connection).toBe('frozen');
    expect(view.minute).toBe(3);
    expect(consultView(caseDef, play(caseDef, ['count-aloud'], frozen).state).notices).toEqual([]);
  });

  test('after a question that loops back, the node is not said again and the reply to the question is shown', () => {
    const caseDef = loadFixtureCase();
    const arrived = consultView(caseDef, play(caseDef, ['intro-consent']).state);
    expect(arrived.say.map((l) => l.text)).toEqual(['HISTORY-SAY What would you like to know?']);
    expect(arrived.reply).toEqual([]);
    const asked = consultView(caseDef, play(caseDef, ['intro-consent', 'ask-duration']).state);
    expect(asked.say).toEqual([]);
    expect(asked.reply).toEqual([{ who: 'patient', name: 'Rafiq', role: 'Patient', text: 'REPLY-DURATION A week now, worse at night.' }]);
    // A question with no reply (ask-red-flags) leaves nothing new to show but the choices.
    expect(consultView(caseDef, play(caseDef, ['intro-consent', 'ask-duration', 'switch-audio']).state)).toMatchObject({ say: [], reply: [] });
  });

  test('an ended consult offers no choices', () => {
    const caseDef = loadFixtureCase();
    const view = consultView(caseDef, play(caseDef, EXPERT).state);
    expect(view.ended).toBe(true);
    expect(view.choices).toEqual([]);
  });
});
