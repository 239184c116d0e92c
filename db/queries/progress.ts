import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { lessonCompletions } from '../schema';
import { appendEvent } from './events';
import type { Actor } from './users';

export type Completion = { moduleSlug: string; lessonSlug: string; contentHash: string; at: Date };

/**
 * Records that the acting learner completed a lesson, with its `lesson.completed` event in the same
 * transaction; a repeat changes nothing. Returns whether it was new.
 */
export async function recordLessonCompletion(db: Db, actor: Actor, c: Completion): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(lessonCompletions)
      .values({ userId: actor.id, moduleSlug: c.moduleSlug, lessonSlug: c.lessonSlug, contentHash: c.contentHash, completedAt: c.at })
      .onConflictDoNothing()
      .returning({ id: lessonCompletions.id });
    if (!inserted) return false;
    await appendEvent(tx, { kind: 'lesson.completed', sourceId: inserted.id, userId: actor.id, payload: { moduleSlug: c.moduleSlug, lessonSlug: c.lessonSlug }, occurredAt: c.at });
    return true;
  });
}

/** The acting learner's own completions, optionally for one module. */
export function listOwnCompletions(db: Db, actor: Actor, moduleSlug?: string) {
  const mine = eq(lessonCompletions.userId, actor.id);
  return db
    .select({ moduleSlug: lessonCompletions.moduleSlug, lessonSlug: lessonCompletions.lessonSlug, completedAt: lessonCompletions.completedAt })
    .from(lessonCompletions)
    .where(moduleSlug ? and(mine, eq(lessonCompletions.moduleSlug, moduleSlug)) : mine)
    .orderBy(asc(lessonCompletions.completedAt));
}
