// A learner's progress survives closing and reopening the embedded database (a server restart).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDb } from '@/db/client';
import { listOwnCompletions, recordLessonCompletion } from '@/db/queries/progress';
import { createUser } from '@/db/queries/users';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('completions written before a restart are there after it, and are not duplicated', async () => {
  const first = openDb({ driver: 'pglite', dataDir: dir });
  await first.migrate();
  const user = (await createUser(first.db, { name: 'Persist', email: 'persist@example.com', passwordHash: 'x', profession: 'student' }))!;
  const completion = { moduleSlug: 'foundations', lessonSlug: 'what-is-telemedicine', contentHash: 'h', at: new Date() };
  expect(await recordLessonCompletion(first.db, user, completion)).toBe(true);
  await first.close();

  const second = openDb({ driver: 'pglite', dataDir: dir });
  await second.migrate();
  expect(await recordLessonCompletion(second.db, user, completion)).toBe(false);
  const rows = await listOwnCompletions(second.db, user);
  expect(rows.map((r) => r.lessonSlug)).toEqual(['what-is-telemedicine']);
  await second.close();
});
