import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { type CaseVersion, finishOwnConsult, getOpenConsult, getOwnConsult, restartOwnConsult, startOrResumeConsult, stepOwnConsult } from '@/db/queries/consults';
import { listOwnConsults } from '@/db/queries/consult-records';
import { consultAttempts } from '@/db/schema';
import { buildDebrief } from '@/lib/domain/consult';
import { suiteDatabase, testDatabases } from '../support/databases';
import { C1, C2, C4, consultPlayer, note, now, paths, version } from '../support/shipped-cases';

// An attempt's life through the database: starting and resuming, who may touch it, replayed and
// concurrent steps, finishing once, starting over, and a case edited under an open attempt.
describe.each(testDatabases)('virtual consults on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const { learner, playIds } = consultPlayer(() => h.db);

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
    // The step answers with the attempt as stored, without reading it back.
    expect(first.attempt).toEqual(await getOwnConsult(h.db, me, attempt.id));
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

  test('a result stored before notes were marked on key facts (no note.facts) still reads back and builds a debrief', async () => {
    const me = await learner();
    const v = version(C4);
    const { attempt } = await startOrResumeConsult(h.db, me, v, now);
    const played = await playIds(me, attempt.id, paths[C4]!.fail, v);
    // The row as finishOwnConsult wrote it before issue 16: the note scored on filled-in fields.
    const oldResult = {
      domains: { D1: { points: 6, max: 30, percent: 20 }, D3: { points: 2, max: 6, percent: 33 }, D4: { points: 0, max: 10, percent: 0 }, D5: { points: 5, max: 5, percent: 100 }, D6: { points: 6.43, max: 10, percent: 64 } },
      total: { points: 19.43, max: 61, percent: 32 },
      note: { points: 3.43, max: 4, missing: ['consent'] },
      criticalActions: { done: ['location-and-callback'], missed: ['emergency-referral', 'transport-destination', 'stayed-on-line'] },
      criticalErrors: ['antacid-follow-up'],
      outcome: 'unsafe',
      passed: false,
    };
    await h.db
      .update(consultAttempts)
      .set({ note, result: oldResult, score: 32, passed: false, criticalErrors: ['antacid-follow-up'], finishedAt: now })
      .where(eq(consultAttempts.id, attempt.id));
    const stored = await getOwnConsult(h.db, me, attempt.id);
    expect(stored).toMatchObject({ status: 'failed', result: { note: { points: 3.43, missing: ['consent'] } } });
    expect(stored.result?.note.facts).toBeUndefined();
    const debrief = buildDebrief(v.def, played.state, stored.result!);
    expect(debrief.costliest[0]).toMatchObject({ choiceId: 'assess-gas-stereotype', criticalError: 'antacid-follow-up' });
    expect(debrief.criticalErrors.find((e) => e.id === 'antacid-follow-up')).toMatchObject({ committed: true });
  });
});
