import { describe, expect, test } from 'vitest';
import { listOwnCompletions, recordLessonCompletion } from '@/db/queries/progress';
import { createUser } from '@/db/queries/users';
import { suiteDatabase, testDatabases } from '../support/databases';

describe.each(testDatabases)('lesson progress on $name', ({ open }) => {
  const h = suiteDatabase(open);

  test('marking a lesson twice, or twice at once, keeps one completion', async () => {
    const user = (await createUser(h.db, { name: 'P', email: 'p@example.com', passwordHash: 'x', profession: 'student' }))!;
    const c = { moduleSlug: 'm', lessonSlug: 'l', contentHash: 'h', at: new Date() };
    const results = await Promise.all([recordLessonCompletion(h.db, user, c), recordLessonCompletion(h.db, user, c)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await recordLessonCompletion(h.db, user, c)).toBe(false);
    expect(await listOwnCompletions(h.db, user)).toHaveLength(1);
  });

  test('a learner sees only their own completions', async () => {
    const a = (await createUser(h.db, { name: 'A', email: 'pa@example.com', passwordHash: 'x', profession: 'student' }))!;
    const b = (await createUser(h.db, { name: 'B', email: 'pb@example.com', passwordHash: 'x', profession: 'student' }))!;
    await recordLessonCompletion(h.db, a, { moduleSlug: 'm', lessonSlug: 'only-a', contentHash: 'h', at: new Date() });
    expect((await listOwnCompletions(h.db, b)).map((r) => r.lessonSlug)).toEqual([]);
    expect((await listOwnCompletions(h.db, a, 'm')).map((r) => r.lessonSlug)).toEqual(['only-a']);
  });
});
