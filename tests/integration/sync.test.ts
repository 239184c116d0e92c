import { describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { recordLessonCompletion } from '@/db/queries/progress';
import { onceByKey } from '@/db/queries/sync';
import { createUser } from '@/db/queries/users';
import { lessonCompletions, syncReceipts } from '@/db/schema';
import { suiteDatabase, testDatabases } from '../support/databases';

describe.each(testDatabases)('offline sync receipts on $name', ({ open }) => {
  const h = suiteDatabase(open);

  let n = 0;
  async function learner() {
    const u = await createUser(h.db, { name: `Sync ${++n}`, email: `sync.${n}.${randomUUID()}@uni.example`, passwordHash: 'x', profession: 'student', role: 'learner' });
    if (!u) throw new Error('no user');
    return u;
  }
  const complete = (userId: string, lesson: string) => async (db: typeof h.db) => ({
    created: await recordLessonCompletion(db, { id: userId, role: 'learner' }, { moduleSlug: 'foundations', lessonSlug: lesson, contentHash: 'h', at: new Date() }),
  });
  const completions = async (userId: string) => (await h.db.select({ n: count() }).from(lessonCompletions).where(eq(lessonCompletions.userId, userId)))[0]?.n;

  test('a key runs its operation once; a retry, even five racing, replays the first answer and adds nothing', async () => {
    const u = await learner();
    const key = randomUUID();
    const first = await onceByKey(h.db, u, key, 'lesson:foundations/a', complete(u.id, 'a'));
    expect(first).toEqual({ replayed: false, response: { created: true } });
    const retries = await Promise.all(Array.from({ length: 5 }, () => onceByKey(h.db, u, key, 'lesson:foundations/a', complete(u.id, 'a'))));
    expect(retries.every((r) => r.replayed && r.response.created === true)).toBe(true);
    expect(await completions(u.id)).toBe(1);
    const receipts = await h.db.select({ n: count() }).from(syncReceipts).where(eq(syncReceipts.key, key));
    expect(receipts[0]?.n).toBe(1);
  });

  test("another learner's key, a key reused for another lesson, and a malformed key change nothing", async () => {
    const [a, b] = [await learner(), await learner()];
    const key = randomUUID();
    await onceByKey(h.db, a, key, 'lesson:foundations/a', complete(a.id, 'a'));
    await expect(onceByKey(h.db, b, key, 'lesson:foundations/a', complete(b.id, 'a'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(onceByKey(h.db, a, key, 'lesson:foundations/b', complete(a.id, 'b'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(onceByKey(h.db, a, 'short', 'lesson:foundations/c', complete(a.id, 'c'))).rejects.toMatchObject({ code: 'bad_request' });
    expect(await completions(a.id)).toBe(1);
    expect(await completions(b.id)).toBe(0);
  });

  test('an operation that fails leaves no receipt, so the retry runs it', async () => {
    const u = await learner();
    const key = randomUUID();
    await expect(onceByKey(h.db, u, key, 'lesson:foundations/x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await h.db.select().from(syncReceipts).where(eq(syncReceipts.key, key))).length).toBe(0);
    expect((await onceByKey(h.db, u, key, 'lesson:foundations/x', complete(u.id, 'x'))).replayed).toBe(false);
  });
});
