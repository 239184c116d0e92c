import { describe, expect, test } from 'vitest';
import { consultRoom, mergeRoom, roomUpdate, startConsult } from '@/lib/domain/consult';
import { EXPERT, FROZEN_COUNT, loadFixtureCase, play } from '../support/consult-fixture';

// A step answers with a room update instead of the whole room; the page must end up showing exactly
// the room the server would have rendered.
describe('roomUpdate and mergeRoom', () => {
  const caseDef = loadFixtureCase();
  const roomAfter = (ids: string[]) => consultRoom(caseDef, ids.length === 0 ? startConsult(caseDef) : play(caseDef, ids).state);

  test.each([
    ['one step, on the expert path', EXPERT, 1],
    ['one step, with a frozen picture', FROZEN_COUNT, 1],
    ['a stale room two steps behind (a second tab took them)', EXPERT, 2],
    ['a stale room three steps behind, with connection events', FROZEN_COUNT, 3],
  ])('brings a shown room up to date: %s', (_name, path, behind) => {
    for (let taken = behind; taken <= path.length; taken++) {
      const shown = roomAfter(path.slice(0, taken - behind));
      const now = roomAfter(path.slice(0, taken));
      expect(mergeRoom(shown, roomUpdate(now, shown.view.step))).toEqual(now);
    }
  });

  test('a repeat of the step already taken changes nothing on the page', () => {
    const now = roomAfter(EXPERT.slice(0, 3));
    expect(mergeRoom(now, roomUpdate(now, now.view.step))).toEqual(now);
  });

  test('sends only the entries the shown room lacks: the latest one with its reply, then the new one', () => {
    const now = roomAfter(EXPERT.slice(0, 4));
    expect(roomUpdate(now, 3).entries.map((e) => e.step)).toEqual([3, 4]);
  });

  test('a step number ahead of the consult (a forged form) sends from the consult\'s own step', () => {
    const now = roomAfter(EXPERT.slice(0, 2));
    expect(roomUpdate(now, 99).from).toBe(2);
  });

  test('reveals only who has spoken', () => {
    const start = consultRoom(caseDef, startConsult(caseDef));
    const spoken = new Set([...start.view.say, ...start.view.reply].map((l) => l.who));
    expect(start.present.every((p) => spoken.has(p.id))).toBe(true);
  });
});
