import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  type CaseVersion,
  finishOwnConsult,
  getOpenConsult,
  getOwnConsult,
  restartOwnConsult,
  startOrResumeConsult,
  stepOwnConsult,
} from '@/db/queries/consults';
import { listOwnConsults } from '@/db/queries/consult-records';
import { type Actor, createUser } from '@/db/queries/users';
import type { ContentProblem } from '@/lib/content/files';
import { loadYamlDir } from '@/lib/content/load-yaml-dir';
import { type CaseDef, caseSchema } from '@/lib/content/schemas/case';
import { testDatabases } from '../support/databases';

const problems: ContentProblem[] = [];
const cases = await loadYamlDir(path.join(process.cwd(), 'content', 'cases'), caseSchema, problems);

function version(id: string): CaseVersion {
  const found = cases.find((c) => c.def.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return { def: structuredClone(found.def), hash: found.hash };
}

const C1 = 'infant-fever-lhw';
const C2 = 'pregnancy-headache-audio';
const C4 = 'chest-pain-lagging-video';

const c1Expert = version(C1).def.expertPath;
/** For each case: an audio-only passing path, and a failing path that commits a critical error. */
const paths: Record<string, { audioPass: string[]; fail: string[]; criticalError: string }> = {
  // Switches to a phone call at the first chance (before the picture freezes), then as the expert.
  [C1]: {
    audioPass: ['open-intro', 'plan-audio-now', 'verify-identity', 'consent-explicit', ...c1Expert.slice(c1Expert.indexOf('go-danger-signs'))],
    fail: ['open-intro', 'plan-callback', 'verify-identity', 'consent-explicit', 'home-advice-early'],
    criticalError: 'no-danger-screen',
  },
  // Audio from the start; the expert never uses video.
  [C2]: { audioPass: version(C2).def.expertPath, fail: ['open-checklist', 'bp-number-first', 'early-bp-reassure'], criticalError: 'analgesic-reassurance' },
  // The expert switches to GSM at the first technology choice, after the first freeze.
  [C4]: {
    audioPass: version(C4).def.expertPath,
    fail: ['open-brief', 'capture-location', 'switch-to-gsm', 'pain-hub-next', 'context-hub-next', 'assess-gas-stereotype'],
    criticalError: 'antacid-follow-up',
  },
};

const note = {
  modality: 'Video, then a phone call.',
  location: 'At home; address and callback number taken.',
  consent: 'Verbal consent to a remote consult.',
  present: 'Patient and family.',
  findings: 'History over the phone; no examination possible.',
  plan: 'Emergency referral by ambulance.',
  safetyNet: 'Call back at once if worse.',
};

const now = new Date('2025-03-01T10:00:00Z');

describe('the shipped cases load', () => {
  test('C1, C2 and C4 parse', () => {
    expect(problems.filter((p) => [C1, C2, C4].some((id) => p.file.includes(id)))).toEqual([]);
    expect(cases.map((c) => c.def.id)).toEqual(expect.arrayContaining([C1, C2, C4]));
  });
});

describe.each(testDatabases)('virtual consults on $name', ({ open }) => {
  let h: DbHandle;
  let n = 0;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function learner() {
    n += 1;
    const user = await createUser(h.db, { name: `Learner ${n}`, email: `consult-${n}@example.com`, passwordHash: 'x', profession: 'doctor' });
    if (!user) throw new Error('user not created');
    return user;
  }

  /** Plays choices one by one through the queries, as the room's forms do. */
  async function playIds(actor: Actor, attemptId: string, ids: string[], v: CaseVersion) {
    let attempt = await getOwnConsult(h.db, actor, attemptId);
    for (const id of ids) {
      const out = await stepOwnConsult(h.db, actor, attemptId, attempt.step, id, v, now);
      expect(out.advanced, `step ${id}`).toBe(true);
      attempt = out.attempt;
    }
    return attempt;
  }

  test('starting twice resumes the same attempt; two starts at once converge on one', async () => {
    const me = await learner();
    const v = version(C4);
    const first = await startOrResumeConsult(h.db, me, v, now);
    expect(first).toMatchObject({ resumed: false, attempt: { step: 0, status: 'open', caseId: C4, contentHash: v.hash } });
    expect(first.attempt.state.nodeId).toBe('opening');
    const again = await startOrResumeConsult(h.db, me, v, now);
    expect(again).toMatchObject({ resumed: true, attempt: { id: first.attempt.id } });

    const other = await learner();
    const both = await Promise.all([startOrResumeConsult(h.db, other, v, now), startOrResumeConsult(h.db, other, v, now)]);
    expect(both[0].attempt.id).toBe(both[1].attempt.id);
    expect(both.filter((s) => !s.resumed)).toHaveLength(1);
    expect((await listOwnConsults(h.db, other)).get(C4)?.attempts).toHaveLength(1);
  });

  test('a resumed attempt is exactly where it was left', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    const played = await playIds(me, attempt.id, ['open-brief', 'capture-location', 'switch-to-gsm'], v);
    const resumed = await startOrResumeConsult(h.db, me, version(C4), now);
    expect(resumed.resumed).toBe(true);
    expect(resumed.attempt.state).toEqual(played.state);
    expect(resumed.attempt.state).toMatchObject({ nodeId: 'pain-hub', step: 3, connection: 'audio' });
  });

  test("another learner's attempt is refused: not read, not stepped, not finished, not restarted", async () => {
    const owner = await learner();
    const intruder = await learner();
    const v = version(C2);
    const { attempt } = await startOrResumeConsult(h.db, owner, v, now);
    await expect(getOwnConsult(h.db, intruder, attempt.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(stepOwnConsult(h.db, intruder, attempt.id, 0, 'open-checklist', v, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(finishOwnConsult(h.db, intruder, attempt.id, note, v, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(restartOwnConsult(h.db, intruder, attempt.id, v, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getOwnConsult(h.db, intruder, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    expect(await getOwnConsult(h.db, owner, attempt.id)).toMatchObject({ step: 0, status: 'open' });
    expect(await getOpenConsult(h.db, intruder, v, now)).toBeNull();
  });

  test('a replayed step (the same expected step twice) advances once and returns the current state', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    const first = await stepOwnConsult(h.db, me, attempt.id, 0, 'open-brief', v, now);
    expect(first).toMatchObject({ advanced: true, attempt: { step: 1 } });
    const replay = await stepOwnConsult(h.db, me, attempt.id, 0, 'open-brief', v, now);
    expect(replay).toMatchObject({ advanced: false, attempt: { step: 1 } });
    // A stale click on another choice of the old node is not an error either: nothing changes.
    const stale = await stepOwnConsult(h.db, me, attempt.id, 0, 'open-gas-history', v, now);
    expect(stale.advanced).toBe(false);
    expect(stale.attempt.state).toEqual(first.attempt.state);
    expect(stale.attempt.state.path.map((p) => p.choiceId)).toEqual(['open-brief']);
  });

  test('two identical steps sent at once advance once', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    const both = await Promise.all([
      stepOwnConsult(h.db, me, attempt.id, 0, 'open-brief', v, now),
      stepOwnConsult(h.db, me, attempt.id, 0, 'open-brief', v, now),
    ]);
    expect(both.filter((s) => s.advanced)).toHaveLength(1);
    const stored = await getOwnConsult(h.db, me, attempt.id);
    expect(stored.step).toBe(1);
    expect(stored.state.path).toHaveLength(1);

    const different = await Promise.all([
      stepOwnConsult(h.db, me, attempt.id, 1, 'capture-location', v, now),
      stepOwnConsult(h.db, me, attempt.id, 1, 'location-at-end', v, now),
    ]);
    expect(different.filter((s) => s.advanced)).toHaveLength(1);
    expect((await getOwnConsult(h.db, me, attempt.id)).state.path).toHaveLength(2);
  });

  test('a choice not offered at the current step is a bad request and changes nothing', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await expect(stepOwnConsult(h.db, me, attempt.id, 0, 'document-full', v, now)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(stepOwnConsult(h.db, me, attempt.id, 0, 'no-such-choice', v, now)).rejects.toMatchObject({ code: 'bad_request' });
    expect((await getOwnConsult(h.db, me, attempt.id)).step).toBe(0);
  });

  test.each([
    { name: 'an empty field', note: { ...note, plan: '   ' } },
    { name: 'a missing field', note: { modality: 'Video', location: 'Home', consent: 'Yes', present: 'Wife', findings: 'Pain', plan: 'ED' } },
    { name: 'an unknown field', note: { ...note, diagnosis: 'MI' } },
    { name: 'a field too long', note: { ...note, findings: 'x'.repeat(2001) } },
    { name: 'not an object', note: 'my note' },
  ])('a note with $name is refused and the attempt stays open', async ({ note: bad }) => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await playIds(me, attempt.id, paths[C4]!.fail, v);
    await expect(finishOwnConsult(h.db, me, attempt.id, bad, v, now)).rejects.toMatchObject({ code: 'bad_request' });
    expect(await getOwnConsult(h.db, me, attempt.id)).toMatchObject({ status: 'open', note: null, result: null, finishedAt: null });
  });

  test('a consult that has not ended cannot be finished', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await expect(finishOwnConsult(h.db, me, attempt.id, note, v, now)).rejects.toMatchObject({ code: 'bad_request' });
  });

  test('finishing is graded exactly once: a second submit, or two at once, keep the first grade', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await playIds(me, attempt.id, v.def.expertPath, v);
    const first = await finishOwnConsult(h.db, me, attempt.id, note, v, now);
    expect(first).toMatchObject({ finishedNow: true, attempt: { status: 'passed', passed: true, criticalErrors: [], note } });
    const later = new Date(now.getTime() + 60_000);
    const second = await finishOwnConsult(h.db, me, attempt.id, { ...note, plan: 'Something else' }, v, later);
    expect(second).toMatchObject({ finishedNow: false, attempt: { note, finishedAt: now } });
    expect(await stepOwnConsult(h.db, me, attempt.id, attempt.step, 'open-brief', v, later)).toMatchObject({ advanced: false });

    const other = await learner();
    const started = await startOrResumeConsult(h.db, other, v, now);
    await playIds(other, started.attempt.id, paths[C4]!.fail, v);
    const both = await Promise.all([
      finishOwnConsult(h.db, other, started.attempt.id, note, v, now),
      finishOwnConsult(h.db, other, started.attempt.id, { ...note, plan: 'Antacid' }, v, now),
    ]);
    expect(both.filter((f) => f.finishedNow)).toHaveLength(1);
    expect(both[0].attempt.result).toEqual(both[1].attempt.result);
  });

  test('after finishing, starting again opens a fresh attempt; the record keeps the best and the latest', async () => {
    const me = await learner();
    const v = version(C2);
    const one = await startOrResumeConsult(h.db, me, v, now);
    await playIds(me, one.attempt.id, v.def.expertPath, v);
    await finishOwnConsult(h.db, me, one.attempt.id, note, v, now);
    const two = await startOrResumeConsult(h.db, me, v, new Date(now.getTime() + 1000));
    expect(two.resumed).toBe(false);
    expect(two.attempt.id).not.toBe(one.attempt.id);
    await playIds(me, two.attempt.id, paths[C2]!.fail, v);
    await finishOwnConsult(h.db, me, two.attempt.id, note, v, now);
    const record = (await listOwnConsults(h.db, me)).get(C2);
    expect(record).toMatchObject({ status: 'passed', best: { id: one.attempt.id, passed: true }, latest: { id: two.attempt.id, passed: false }, open: null });
    expect(record?.attempts).toHaveLength(2);
  });

  test('"start over" closes the open attempt ungraded and starts once, even when sent twice', async () => {
    const me = await learner();
    const v = version(C1);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await playIds(me, attempt.id, ['open-intro'], v);
    const [a, b] = [await restartOwnConsult(h.db, me, attempt.id, v, now), await restartOwnConsult(h.db, me, attempt.id, v, now)];
    expect(a.attempt.id).toBe(b.attempt.id);
    expect(a.attempt).toMatchObject({ step: 0, status: 'open' });
    expect(await getOwnConsult(h.db, me, attempt.id)).toMatchObject({ status: 'abandoned', passed: null, result: null });
    const record = (await listOwnConsults(h.db, me)).get(C1);
    expect(record).toMatchObject({ status: 'in-progress', open: { id: a.attempt.id }, best: null, latest: null });
    await expect(finishOwnConsult(h.db, me, attempt.id, note, v, now)).rejects.toMatchObject({ code: 'conflict' });
  });

  test('an edit to the case that keeps the path playable carries the attempt over; one that removes a step starts afresh', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    await playIds(me, attempt.id, ['open-brief', 'capture-location'], v);

    const edited = version(C4);
    edited.hash = 'edited-1';
    const opening = edited.def.nodes['opening'];
    if (opening) opening.show = 'A new description of the opening.';
    const carried = await startOrResumeConsult(h.db, me, edited, now);
    expect(carried).toMatchObject({ resumed: true, attempt: { id: attempt.id, step: 2, contentHash: 'edited-1' } });
    expect(carried.attempt.state.nodeId).toBe('channel');

    const removed: CaseVersion = version(C4);
    removed.hash = 'edited-2';
    const location = removed.def.nodes['location'];
    if (location) location.choices = location.choices.filter((c) => c.id !== 'capture-location');
    const fresh = await startOrResumeConsult(h.db, me, removed, now);
    expect(fresh).toMatchObject({ resumed: false, attempt: { step: 0, contentHash: 'edited-2' } });
    expect((await getOwnConsult(h.db, me, attempt.id)).status).toBe('abandoned');
  });

  describe.each([C1, C2, C4])('%s', (caseId) => {
    /** Once off video (a switch, a freeze), never back on it; a case that starts on audio never uses video. */
    function expectAudioOnly(def: CaseDef, connections: string[]) {
      const switched = connections.findIndex((c) => c !== 'video');
      expect(switched).toBeGreaterThanOrEqual(0);
      expect(connections.slice(switched)).not.toContain('video');
      if (def.modality !== 'video') expect(connections).not.toContain('video');
    }

    test('the expert path passes', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      await playIds(me, attempt.id, v.def.expertPath, v);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.result).toMatchObject({ passed: true, outcome: 'good', criticalErrors: [], criticalActions: { missed: [] } });
    });

    test('a path with a critical error fails', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      await playIds(me, attempt.id, paths[caseId]!.fail, v);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.status).toBe('failed');
      expect(done.result?.outcome).toBe('unsafe');
      expect(done.criticalErrors).toContain(paths[caseId]!.criticalError);
    });

    test('an audio-only path passes', async () => {
      const me = await learner();
      const v = version(caseId);
      const { attempt } = await startOrResumeConsult(h.db, me, v, now);
      const ids = paths[caseId]!.audioPass;
      const connections: string[] = [attempt.state.connection];
      for (const id of ids) {
        const current = await getOwnConsult(h.db, me, attempt.id);
        const out = await stepOwnConsult(h.db, me, attempt.id, current.step, id, v, now);
        expect(out.advanced, id).toBe(true);
        connections.push(out.attempt.state.connection);
      }
      expectAudioOnly(v.def, connections);
      const { attempt: done } = await finishOwnConsult(h.db, me, attempt.id, v.def.note.expert, v, now);
      expect(done.result).toMatchObject({ passed: true, criticalErrors: [] });
    });
  });
});
