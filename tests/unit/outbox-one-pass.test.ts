import { describe, expect, test } from 'vitest';
import { onePassAtATime } from '@/lib/services/events/one-pass';

/** A pass that stays open until `finish()` is called, counting how many started. */
function gatedPass() {
  const state = { started: 0, open: [] as Array<() => void> };
  const pass = () => {
    state.started++;
    return new Promise<void>((resolve) => state.open.push(resolve));
  };
  const finish = async () => {
    state.open.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { state, pass, finish };
}

describe('the background outbox pass, one at a time', () => {
  test('calls while a pass runs share one more pass after it, not one each', async () => {
    const { state, pass, finish } = gatedPass();
    const run = onePassAtATime(pass);
    const first = run();
    const during = [run(), run(), run()];
    expect(state.started).toBe(1);
    await finish();
    // The calls made during the first pass get a second one, started after it.
    expect(state.started).toBe(2);
    let settled = false;
    void Promise.all([first, ...during]).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    await finish();
    expect(settled).toBe(true);
    expect(state.started).toBe(2);
  });

  test('a call after the pass ended starts a new one; a failing pass lets the next call run', async () => {
    let runs = 0;
    const run = onePassAtATime(async () => {
      runs++;
      if (runs === 1) throw new Error('database away');
    });
    await expect(run()).rejects.toThrow('database away');
    await run();
    await run();
    expect(runs).toBe(3);
  });
});

test('a pass that fails while calls wait still runs the pass they are owed', async () => {
  let runs = 0;
  let fail: (() => void) | undefined;
  const run = onePassAtATime(() => {
    runs++;
    return runs === 1 ? new Promise<void>((_, reject) => (fail = () => reject(new Error('database away')))) : Promise.resolve();
  });
  const first = run();
  const waiting = run();
  fail?.();
  await Promise.allSettled([first, waiting]);
  expect(runs).toBe(2);
});
