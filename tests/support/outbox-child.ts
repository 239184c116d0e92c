// A separate process for the crash tests: it records a lesson completion (the record and its event
// commit together) and is then killed with SIGKILL by the test, before or during the follow-up.
//   record-only <userId> <module> <lesson> <hash>   commit the record and event, then wait to be killed
//   complete    <userId> <module> <lesson> <hash>   the whole service, follow-up included
import { openDb } from '@/db/client';
import { recordLessonCompletion } from '@/db/queries/progress';
import { completeLesson } from '@/lib/services/learning';

const [mode, userId, moduleSlug, lessonSlug, contentHash] = process.argv.slice(2);
if (!userId || !moduleSlug || !lessonSlug || !contentHash) throw new Error('usage: outbox-child <mode> <userId> <module> <lesson> <hash>');
const url = process.env.CHILD_DATABASE_URL;
const handle = openDb(url ? { driver: 'pg', url } : { driver: 'pglite', dataDir: process.env.CHILD_PGLITE_DIR ?? null });
const actor = { id: userId, role: 'learner' as const };
const lesson = { moduleSlug, lessonSlug, contentHash };
const now = new Date();

if (mode === 'record-only') {
  await recordLessonCompletion(handle.db, actor, { ...lesson, at: now });
  console.log('committed');
  setInterval(() => undefined, 60_000); // the test kills this process here
} else {
  console.log('started');
  await completeLesson(handle.db, actor, lesson, now, null, now);
  console.log('finished');
  await handle.close();
}
