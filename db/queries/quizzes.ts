import 'server-only';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import {
  type Grade,
  type StartCheck,
  attemptDeadline,
  canStartAttempt,
  drawQuestions,
  gradeAttempt,
  isPastDeadline,
} from '@/lib/domain/quiz';
import { quizDomainCredit } from '@/lib/domain/readiness';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { quizAttempts } from '../schema';
import { appendEvent } from './events';
import { type AttemptListItem, listOwnAttempts } from './quiz-records';
import type { Actor } from './users';

// The grade is stored as JSON; it is parsed on the way out so a bad row fails loudly, not silently.
const gradeSchema = z.object({
  questions: z.array(
    z.object({ questionId: z.string(), correct: z.boolean(), credit: z.number(), chosen: z.array(z.string()), key: z.array(z.string()) }),
  ),
  earned: z.number(),
  total: z.number(),
  score: z.number(),
  passed: z.boolean(),
}) satisfies z.ZodType<Grade>;

const attemptIdSchema = z.uuid();

type AttemptRow = typeof quizAttempts.$inferSelect;

/** A stored attempt with its grade parsed. Holds the paper's question ids and the key once graded: server-side only. */
export type Attempt = Omit<AttemptRow, 'grade'> & { grade: Grade | null };

function toAttempt(row: AttemptRow): Attempt {
  return { ...row, grade: row.grade === null ? null : parseGrade(row.grade) };
}

/** A stored grade, checked on the way out of the database. */
export function parseGrade(stored: unknown): Grade {
  return gradeSchema.parse(stored);
}

/** The attempt id if it is one (a uuid); anything else is an attempt not found. */
export function checkedId(attemptId: string): string {
  if (!attemptIdSchema.safeParse(attemptId).success) throw new AppError('not_found', `quiz attempt ${attemptId}`);
  return attemptId;
}

/** The acting learner's own attempt. Another learner's attempt is reported as not found, so ids reveal nothing. */
export async function getOwnAttempt(db: Db, actor: Actor, attemptId: string): Promise<Attempt> {
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, checkedId(attemptId)), eq(quizAttempts.userId, actor.id)))
    .limit(1);
  if (!row) throw new AppError('not_found', `quiz attempt ${attemptId} for ${actor.id}`);
  return toAttempt(row);
}

export type SubmitResult = { attempt: Attempt; gradedNow: boolean };

/**
 * Grades and closes the acting learner's attempt, exactly once: the row is locked, and the update
 * only applies where `submitted_at` is still null, so a double submit, a second tab or a replayed
 * request gets the attempt already graded (`gradedNow: false`). A submission after the deadline
 * is graded with the answers saved in time and dated at the deadline. The `quiz.graded` event is
 * written in the same transaction.
 */
export async function submitAttempt(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now: Date): Promise<SubmitResult> {
  const id = checkedId(attemptId);
  const mine = and(eq(quizAttempts.id, id), eq(quizAttempts.userId, actor.id));
  const result = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(quizAttempts).where(mine).for('update');
    if (!row || row.quizId !== quiz.id) throw new AppError('not_found', `quiz attempt ${attemptId} for ${actor.id}`);
    if (row.submittedAt !== null) return { attempt: toAttempt(row), gradedNow: false };
    const grade = gradeAttempt(quiz, row.paper, row.answers);
    const byDeadline = row.deadline !== null && isPastDeadline(row, now);
    const submittedAt = byDeadline && row.deadline !== null ? row.deadline : now;
    const set = { submittedAt, score: grade.score, passed: grade.passed, domainCredit: quizDomainCredit(quiz.questions, grade.questions) };
    // The row is locked: what is written is the row read with these columns set, so it is not sent
    // back and parsed again (issue 20).
    const [updated] = await tx
      .update(quizAttempts)
      .set({ ...set, grade })
      .where(and(mine, isNull(quizAttempts.submittedAt)))
      .returning({ id: quizAttempts.id, userId: quizAttempts.userId });
    if (updated) {
      await appendEvent(tx, {
        kind: 'quiz.graded',
        sourceId: updated.id,
        userId: updated.userId,
        payload: { quizId: quiz.id, attemptId: updated.id, score: grade.score, passed: grade.passed, closedBy: byDeadline ? 'deadline' : 'learner' },
        occurredAt: submittedAt,
      });
      return { attempt: { ...row, ...set, grade }, gradedNow: true };
    }
    const [current] = await tx.select().from(quizAttempts).where(mine);
    if (!current) throw new AppError('not_found', `quiz attempt ${attemptId}`);
    return { attempt: toAttempt(current), gradedNow: false };
  });
  return result;
}

/**
 * The acting learner's attempt at this quiz, "touched" before a write: an open attempt whose time
 * is up is submitted first (graded with the answers it has), so the write sees it closed.
 */
export async function openOwnAttempt(db: Db, actor: Actor, attemptId: string, quiz: QuizDef, now: Date): Promise<Attempt> {
  const attempt = await getOwnAttempt(db, actor, attemptId);
  if (attempt.quizId !== quiz.id) throw new AppError('not_found', `quiz attempt ${attemptId} is not for ${quiz.id}`);
  if (!isPastDeadline(attempt, now)) return attempt;
  return (await submitAttempt(db, actor, attemptId, quiz, now)).attempt;
}

/** Submits any of the learner's open attempts at this quiz whose time is up; returns whether one was. */
export async function closeExpiredAttempts(db: Db, actor: Actor, quiz: QuizDef, attempts: readonly AttemptListItem[], now: Date) {
  const expired = attempts.filter((a) => a.quizId === quiz.id && isPastDeadline(a, now));
  for (const a of expired) await submitAttempt(db, actor, a.id, quiz, now);
  return expired.length > 0;
}

export type StartResult =
  | { ok: true; attempt: Attempt; resumed: boolean }
  | { ok: false; refusal: Exclude<StartCheck, { ok: true }> };

async function findOpenAttempt(db: Db, actor: Actor, quizId: string) {
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, actor.id), eq(quizAttempts.quizId, quizId), isNull(quizAttempts.submittedAt)))
    .limit(1);
  return row ? toAttempt(row) : null;
}

/**
 * Starts an attempt for the acting learner, or resumes the open one. Expired open attempts are
 * submitted first; the quiz's rules (canStartAttempt) decide over the learner's whole history.
 * The paper is drawn from `seed`, which is stored with the attempt. Two tabs starting at once meet
 * the one-open-attempt index: the loser re-reads and resumes the winner's attempt.
 */
export async function startOrResumeAttempt(db: Db, actor: Actor, quiz: QuizDef, contentHash: string, now: Date, seed: number): Promise<StartResult> {
  let history = await listOwnAttempts(db, actor, quiz.id);
  if (await closeExpiredAttempts(db, actor, quiz, history, now)) history = await listOwnAttempts(db, actor, quiz.id);
  const open = history.find((a) => a.submittedAt === null);
  if (open) return { ok: true, attempt: await getOwnAttempt(db, actor, open.id), resumed: true };
  const check = canStartAttempt(quiz, history, now);
  if (!check.ok) return { ok: false, refusal: check };
  const [created] = await db
    .insert(quizAttempts)
    .values({
      userId: actor.id,
      quizId: quiz.id,
      contentHash,
      seed,
      paper: drawQuestions(quiz, seed),
      answers: {},
      startedAt: now,
      deadline: attemptDeadline(quiz, now),
    })
    .onConflictDoNothing()
    .returning();
  if (created) return { ok: true, attempt: toAttempt(created), resumed: false };
  const winner = await findOpenAttempt(db, actor, quiz.id);
  if (!winner) throw new AppError('conflict', `quiz ${quiz.id}: start lost a race and found no open attempt`);
  return { ok: true, attempt: winner, resumed: true };
}

/**
 * The recovery pass's part for quizzes: submits open attempts whose time is up (oldest deadline
 * first), each through `submitAttempt` with its own event. Returns the learners concerned.
 */
export async function closeExpiredQuizAttempts(db: Db, quizOf: (quizId: string) => QuizDef | undefined, now: Date, limit = 100): Promise<string[]> {
  const due = await db
    .select({ id: quizAttempts.id, userId: quizAttempts.userId, quizId: quizAttempts.quizId })
    .from(quizAttempts)
    .where(and(isNull(quizAttempts.submittedAt), lte(quizAttempts.deadline, now)))
    .orderBy(asc(quizAttempts.deadline))
    .limit(limit);
  const learners = new Set<string>();
  for (const row of due) {
    const quiz = quizOf(row.quizId);
    if (!quiz) continue;
    const { gradedNow } = await submitAttempt(db, { id: row.userId, role: 'learner' }, row.id, quiz, now);
    if (gradedNow) learners.add(row.userId);
  }
  return [...learners];
}
