// Timed events of the consult engine (split from consult-engine.test.ts).
import { describe, expect, test } from 'vitest';
import { stepConsult, type ConsultState } from '@/lib/domain/consult';
import { choiceById, loadFixtureCase, play } from '../support/consult-fixture';

describe('timed events', () => {
  const FREEZE = 'The picture freezes. You can still hear Hina.';

  test('fires when its minute is crossed on a connection in `when`', () => {
    const caseDef = loadFixtureCase();
    const { state, messages } = play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags']);
    expect(messages).toEqual([{ text: FREEZE, connection: 'frozen' }]);
    expect(state.connection).toBe('frozen');
    expect(state.events).toEqual([{ index: 0, step: 3 }]);
  });

  test('does not fire when the connection is not in `when` (switched to audio first)', () => {
    const caseDef = loadFixtureCase();
    const { state, messages } = play(caseDef, ['intro-consent', 'ask-duration', 'switch-audio']);
    expect(messages).toEqual([]);
    expect(state.connection).toBe('audio');
    expect(state.events).toEqual([]);
  });

  test('fires once: later steps do not repeat it', () => {
    const caseDef = loadFixtureCase();
    const { state, messages } = play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags', 'count-aloud', 'to-plan']);
    expect(messages).toHaveLength(1);
    expect(state.events).toHaveLength(1);
  });

  test('fires once even if a stored state crosses its minute again', () => {
    const caseDef = loadFixtureCase();
    const { state } = play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags']);
    const rewound: ConsultState = { ...state, minute: 2, connection: 'video', nodeId: 'history' };
    const stepped = stepConsult(caseDef, rewound, 'look-breathing');
    expect(stepped.ok && stepped.messages).toEqual([]);
    expect(stepped.ok && stepped.state.connection).toBe('video');
  });

  test.each([
    { name: 'minute reached exactly by the step fires', atMinute: 1, ids: ['intro-consent'], fires: true },
    { name: 'minute not yet reached does not fire', atMinute: 2, ids: ['intro-consent'], fires: false },
    { name: 'minute already passed before the step does not fire again', atMinute: 1, ids: ['intro-consent', 'ask-duration'], fires: false },
  ])('boundary: $name', ({ atMinute, ids, fires }) => {
    const caseDef = loadFixtureCase();
    caseDef.events = [{ atMinute, when: ['video'], connection: 'frozen', text: 'freeze' }];
    const before = play(caseDef, ids.slice(0, -1)).state;
    const stepped = stepConsult(caseDef, before, ids[ids.length - 1] ?? '');
    expect(stepped.ok && stepped.messages.length > 0).toBe(fires);
  });

  test('several events crossed in one step apply in time order, each checking `when` after the last', () => {
    const caseDef = loadFixtureCase();
    caseDef.events.unshift({ atMinute: 4, when: ['frozen'], connection: 'dropped', text: 'The call drops.' });
    choiceById(caseDef, 'ask-red-flags').minutes = 3;
    const { state, messages } = play(caseDef, ['intro-consent', 'ask-duration', 'ask-red-flags']);
    expect(messages.map((m) => m.connection)).toEqual(['frozen', 'dropped']);
    expect(state.connection).toBe('dropped');
    expect(state.events).toEqual([{ index: 1, step: 3 }, { index: 0, step: 3 }]);
  });

  test('an event without `when` fires on any connection', () => {
    const caseDef = loadFixtureCase();
    caseDef.events = [{ atMinute: 2, connection: 'dropped', text: 'The call drops.' }];
    expect(play(caseDef, ['intro-consent', 'switch-audio']).state.connection).toBe('dropped');
  });
});
