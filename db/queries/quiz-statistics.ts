import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { type PublishedStatistics, itemStatistics, publishStatistics } from '@/lib/domain/quiz';
import { AppError } from '@/lib/errors';
import { isStaff } from '@/lib/domain/roles';
import type { Db } from '../client';
import { quizAttempts } from '../schema';
import { activeMemberIds, getCohortForStaff } from './cohorts';
import { parseGrade } from './quizzes';
import type { Actor } from './users';

/** Who may see a bank's internals (keys, statistics, its export): instructors and admins, never learners (a reviewer reads each question's key on its review page). */
export function isQuizStaff(actor: Actor): boolean {
  return isStaff(actor.role);
}

/**
 * Item and score statistics over every submitted attempt at a quiz (retakes included), for
 * instructors and admins. `userIds` narrows them to a group of learners; `cohortId` to the active
 * members of a cohort the actor may see (anyone else's cohort is not_found). With fewer than five
 * learners only the counts are returned (publishStatistics).
 */
export async function quizStatistics(db: Db, actor: Actor, quiz: QuizDef, opts: { userIds?: readonly string[]; cohortId?: string } = {}): Promise<PublishedStatistics> {
  if (!isQuizStaff(actor)) throw new AppError('forbidden', `quizStatistics ${quiz.id}`);
  if (opts.userIds !== undefined && opts.userIds.length === 0) return publishStatistics(itemStatistics(quiz, []), 0);
  if (opts.cohortId !== undefined) await getCohortForStaff(db, actor, opts.cohortId);
  const submitted = and(eq(quizAttempts.quizId, quiz.id), isNotNull(quizAttempts.submittedAt));
  const rows = await db
    .select({ grade: quizAttempts.grade, userId: quizAttempts.userId })
    .from(quizAttempts)
    .where(
      and(
        submitted,
        opts.userIds === undefined ? undefined : inArray(quizAttempts.userId, [...opts.userIds]),
        opts.cohortId === undefined ? undefined : inArray(quizAttempts.userId, activeMemberIds(db, opts.cohortId)),
      ),
    );
  const graded = rows.flatMap(({ grade, userId }) => (grade === null ? [] : [{ grade: parseGrade(grade), userId }]));
  return publishStatistics(itemStatistics(quiz, graded), new Set(graded.map((g) => g.userId)).size);
}
