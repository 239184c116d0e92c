// The package's SCORM 1.2 adapter: finding the LMS's API through parents and the opener, and what a
// finished case reports.
import { describe, expect, test } from 'vitest';
import { type ApiHost, MAX_PARENTS, type Scorm12Api, cmiTimespan, findScormApi, startScormSession } from '@/lib/case-package/scorm-api';

/** An API stub that records every call and keeps cmi values, as a minimal LMS would. */
function stubApi(initial: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted' }) {
  const calls: string[] = [];
  const values = new Map(Object.entries(initial));
  const api: Scorm12Api = {
    LMSInitialize: (a) => (calls.push(`LMSInitialize(${a})`), 'true'),
    LMSFinish: (a) => (calls.push(`LMSFinish(${a})`), 'true'),
    LMSGetValue: (e) => values.get(e) ?? '',
    LMSSetValue: (e, v) => (calls.push(`${e}=${v}`), values.set(e, v), 'true'),
    LMSCommit: (a) => (calls.push(`LMSCommit(${a})`), 'true'),
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => 'No error',
    LMSGetDiagnostic: () => '',
  };
  return { api, calls, values };
}

/** A chain of windows `depth` deep under the top one, which holds `api`. */
function nested(depth: number, api: unknown): ApiHost {
  const top: ApiHost = { API: api };
  top.parent = top;
  let win = top;
  for (let i = 0; i < depth; i++) win = { parent: win };
  return win;
}

describe('finding the API (RTE 3.2)', () => {
  const { api } = stubApi();

  test.each([
    ['on the window itself', 0],
    ['on its parent', 1],
    ['at the deepest level searched', MAX_PARENTS],
  ])('finds it %s', (_, depth) => {
    expect(findScormApi(nested(depth, api))).toBe(api);
  });

  test('stops climbing after MAX_PARENTS parents', () => {
    expect(findScormApi(nested(MAX_PARENTS + 1, api))).toBeNull();
  });

  test('looks through the opener and its parents when the frames have none', () => {
    const win: ApiHost = { opener: nested(2, api) };
    win.parent = win;
    expect(findScormApi(win)).toBe(api);
  });

  test('a parent of another origin (reading it throws) ends the search without an error', () => {
    const win: ApiHost = {};
    Object.defineProperty(win, 'parent', { get: () => { throw new Error('SecurityError'); } });
    expect(findScormApi(win)).toBeNull();
  });

  test('an object without the eight functions is not an API; no API means standalone (null)', () => {
    expect(findScormApi(nested(1, { LMSInitialize: () => 'true' }))).toBeNull();
    const alone: ApiHost = {};
    alone.parent = alone;
    expect(findScormApi(alone)).toBeNull();
  });
});

describe('the session', () => {
  test('a passed case reports score 0–100, passed, commits and finishes, in that order', () => {
    const { api, calls } = stubApi();
    let t = 0;
    const session = startScormSession(api, () => t);
    expect(session.connected).toBe(true);
    t = 754_321;
    session.report({ passed: true, percent: 85 });
    expect(calls).toEqual([
      'LMSInitialize()',
      'cmi.core.lesson_status=incomplete',
      'LMSCommit()',
      'cmi.core.score.min=0',
      'cmi.core.score.max=100',
      'cmi.core.score.raw=85',
      'cmi.core.lesson_status=passed',
      'cmi.core.exit=',
      'cmi.core.session_time=0000:12:34.32',
      'LMSCommit()',
      'LMSFinish()',
    ]);
  });

  test('a failed case reports failed with its score; a second report sends nothing', () => {
    const { api, calls, values } = stubApi({ 'cmi.core.lesson_status': 'incomplete' });
    const session = startScormSession(api, () => 0);
    session.report({ passed: false, percent: 92 });
    const sent = calls.length;
    session.report({ passed: true, percent: 100 });
    session.leave();
    expect(calls.length).toBe(sent);
    expect(values.get('cmi.core.lesson_status')).toBe('failed');
    expect(values.get('cmi.core.score.raw')).toBe('92');
    expect(calls).not.toContain('cmi.core.lesson_status=incomplete');
  });

  test('leaving before the end keeps the status incomplete and finishes with exit suspend', () => {
    const { api, calls, values } = stubApi();
    startScormSession(api, () => 0).leave();
    expect(values.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(calls.slice(-4)).toEqual(['cmi.core.exit=suspend', 'cmi.core.session_time=0000:00:00.00', 'LMSCommit()', 'LMSFinish()']);
  });

  test('an LMS that refuses LMSInitialize is not written to', () => {
    const { api, calls } = stubApi();
    api.LMSInitialize = () => 'false';
    const session = startScormSession(api, () => 0);
    session.report({ passed: true, percent: 100 });
    expect(session.connected).toBe(false);
    expect(calls).toEqual([]);
  });

  test.each([
    [0, '0000:00:00.00'],
    [59_999, '0000:01:00.00'],
    [3_600_000 * 10 + 5_050, '0010:00:05.05'],
  ])('%i ms is the CMITimespan %s', (ms, text) => {
    expect(cmiTimespan(ms)).toBe(text);
  });
});
