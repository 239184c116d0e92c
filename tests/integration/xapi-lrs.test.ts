// xAPI statements to institutions' LRSs: queued with their learning event, sent in batches to a
// loopback LRS that validates them, exactly once through failures, replays and a 409 conflict.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendEvent } from '@/db/queries/events';
import { getLrsSettings, saveLrsSettings } from '@/db/queries/lrs';
import { recordLessonCompletion } from '@/db/queries/progress';
import { xapiStatements } from '@/db/schema';
import { sendDueStatements } from '@/lib/services/xapi/send';
import { sendTestStatement } from '@/lib/services/xapi/settings';
import { suiteDatabase, testDatabases } from '../support/databases';
import { TestLrs } from '../support/lrs-server';
import { institutionWithLrs, join, lrsKey, lrsSecret, person, quizGraded } from '../support/xapi';

const minute = 60_000;
const day = 86_400_000;

describe.each(testDatabases)('xAPI to an institution’s LRS on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let lrs: TestLrs;
  let other: TestLrs;
  let endpoint = '';
  let otherEndpoint = '';
  beforeAll(async () => {
    lrs = new TestLrs({ key: lrsKey, secret: lrsSecret });
    other = new TestLrs({ key: lrsKey, secret: lrsSecret });
    endpoint = await lrs.start();
    otherEndpoint = await other.start();
  });
  afterAll(async () => {
    await lrs.stop();
    await other.stop();
  });
  let n = 0;
  const statementsOf = (userId: string) => h.db.select().from(xapiStatements).where(eq(xapiStatements.userId, userId));

  test('a learning event queues one statement for the LRS of each institution whose cohort the learner is in, and none elsewhere', async () => {
    const a = await institutionWithLrs(h.db, `College A ${++n}`, endpoint);
    await institutionWithLrs(h.db, `College B ${n}`, otherEndpoint);
    const learner = await person(h.db, `learner${n}`);
    const outsider = await person(h.db, `outsider${n}`);
    await join(h.db, a.cohortId, learner.id);
    const at = new Date();
    await recordLessonCompletion(h.db, learner, { moduleSlug: 'consent', lessonSlug: 'recording', contentHash: 'h', at });
    await quizGraded(h.db, learner.id, 1, at);
    await quizGraded(h.db, outsider.id, 1, at);
    await quizGraded(h.db, learner.id, 1, at); // a replay writes nothing new
    // A transaction that rolls back keeps neither its event nor its statement.
    await h.db.transaction(async (tx) => {
      await appendEvent(tx, { kind: 'quiz.graded', sourceId: `${learner.id}-rolled-back`, userId: learner.id, payload: { quizId: 'q', attemptId: 'x', score: 1, passed: false, closedBy: 'learner' }, occurredAt: at });
      tx.rollback();
    }).catch(() => undefined);
    const queued = await statementsOf(learner.id);
    expect(queued.map((s) => s.eventId).sort()).toEqual([expect.stringMatching(/^lesson\.completed:/), `quiz.graded:${learner.id}-1`]);
    expect(await statementsOf(outsider.id)).toEqual([]);
    expect(JSON.stringify(queued.map((s) => s.statement))).not.toContain(learner.email);

    const report = await sendDueStatements(h.db, new Date(at.getTime() + 1000));
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(lrs.invalid).toEqual([]);
    for (const s of queued) expect(lrs.storeCount.get(s.id)).toBe(1);
    expect(other.stored.size).toBe(0); // College B's LRS hears nothing of College A's learner
    expect(await sendDueStatements(h.db, new Date(at.getTime() + day))).toMatchObject({ sent: 0, failed: 0 });
  });

  test('an LRS failing its first requests gets every statement once, in batches, after the retries', async () => {
    const a = await institutionWithLrs(h.db, `College C ${++n}`, endpoint);
    const learner = await person(h.db, `learner${n}`);
    await join(h.db, a.cohortId, learner.id);
    const at = new Date();
    for (let i = 0; i < 7; i++) await quizGraded(h.db, learner.id, i, at);
    lrs.failuresLeft = 2;
    const before = lrs.requests.length;
    expect(await sendDueStatements(h.db, at, { batchSize: 3 })).toMatchObject({ sent: 1, failed: 6 });
    // Still waiting (30 s after the first failure): nothing is sent early.
    expect(await sendDueStatements(h.db, new Date(at.getTime() + 10_000), { batchSize: 3 })).toMatchObject({ sent: 0, failed: 0 });
    expect(await sendDueStatements(h.db, new Date(at.getTime() + 10 * minute), { batchSize: 3 })).toMatchObject({ sent: 6, failed: 0 });
    const rows = await statementsOf(learner.id);
    expect(rows.every((r) => r.outcome === 'sent' && r.doneAt !== null)).toBe(true);
    for (const r of rows) expect(lrs.storeCount.get(r.id)).toBe(1);
    expect(lrs.requests.slice(before).map((r) => r.status)).toEqual([503, 503, 200, 200, 200]);
    expect(lrs.invalid).toEqual([]);
  });

  test('a 409 for a different statement under one id marks that one a conflict and sends the rest once', async () => {
    const a = await institutionWithLrs(h.db, `College D ${++n}`, endpoint);
    const learner = await person(h.db, `learner${n}`);
    await join(h.db, a.cohortId, learner.id);
    const at = new Date();
    for (let i = 0; i < 3; i++) await quizGraded(h.db, learner.id, i, at);
    const [first, second] = (await statementsOf(learner.id)).sort((x, y) => x.id.localeCompare(y.id));
    lrs.preload({ ...first!.statement, id: first!.id, result: { completion: false } });
    lrs.preload({ ...second!.statement, id: second!.id }); // held unchanged already: no conflict
    expect(await sendDueStatements(h.db, at)).toMatchObject({ sent: 2, conflict: 1, failed: 0 });
    const rows = await statementsOf(learner.id);
    expect(rows.find((r) => r.id === first!.id)).toMatchObject({ outcome: 'conflict', lastError: expect.stringContaining('409') });
    expect(rows.filter((r) => r.outcome === 'sent')).toHaveLength(2);
    expect(lrs.storeCount.get(first!.id)).toBeUndefined();
    expect(lrs.storeCount.get(second!.id)).toBeUndefined();
    expect(await sendDueStatements(h.db, new Date(at.getTime() + day))).toMatchObject({ sent: 0, conflict: 0, failed: 0 });
  });

  test('only the institution’s admins read or change its LRS; the secret never comes back', async () => {
    const a = await institutionWithLrs(h.db, `College E ${++n}`, endpoint);
    const b = await institutionWithLrs(h.db, `College F ${n}`, otherEndpoint);
    const settings = await getLrsSettings(h.db, a.admin, a.institutionId);
    expect(settings).toMatchObject({ endpoint, authKey: lrsKey, hasSecret: true, sendEmail: false, enabled: true });
    expect(JSON.stringify(settings)).not.toContain(lrsSecret);
    await expect(getLrsSettings(h.db, b.admin, a.institutionId)).rejects.toMatchObject({ code: 'not_found' });
    const change = { endpoint: 'https://evil.example/xapi', authKey: 'k', encryptedSecret: null, sendEmail: true, enabled: true };
    await expect(saveLrsSettings(h.db, b.admin, a.institutionId, change)).rejects.toMatchObject({ code: 'not_found' });
    await expect(sendTestStatement(h.db, b.admin, a.institutionId)).rejects.toMatchObject({ code: 'not_found' });
    const learner = await person(h.db, `learner${n}`);
    await expect(getLrsSettings(h.db, learner, a.institutionId)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getLrsSettings(h.db, a.admin, a.institutionId))?.endpoint).toBe(endpoint);
    // Keeping the stored secret (none entered) still sends with it.
    await saveLrsSettings(h.db, a.admin, a.institutionId, { endpoint, authKey: lrsKey, encryptedSecret: null, sendEmail: false, enabled: true });
    expect(await sendTestStatement(h.db, a.admin, a.institutionId)).toMatchObject({ ok: true });
  });

  test('an institution that opted in receives the learner’s e-mail as mbox', async () => {
    const a = await institutionWithLrs(h.db, `College G ${++n}`, endpoint, true);
    const learner = await person(h.db, `learner${n}`);
    await join(h.db, a.cohortId, learner.id);
    await quizGraded(h.db, learner.id, 1, new Date());
    const [row] = await statementsOf(learner.id);
    expect(row?.statement.actor).toEqual({ objectType: 'Agent', mbox: `mailto:${learner.email}` });
  });
});
