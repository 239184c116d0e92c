import 'server-only';
// A learner's own list of quiz attempts and the per-quiz record built from it (best, latest, open).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { quizAttempts } from '../schema';
import type { Actor } from './users';

/** What the learner's list of attempts shows; no paper, answers or grade details. */
const summaryColumns = {
  id: quizAttempts.id,
  quizId: quizAttempts.quizId,
  contentHash: quizAttempts.contentHash,
  startedAt: quizAttempts.startedAt,
  deadline: quizAttempts.deadline,
  submittedAt: quizAttempts.submittedAt,
  score: quizAttempts.score,
  passed: quizAttempts.passed,
};

export type AttemptListItem = Pick<typeof quizAttempts.$inferSelect, keyof typeof summaryColumns>;

/** The acting learner's own attempts, oldest first, for one quiz or all. */
export function listOwnAttempts(db: Db, actor: Actor, quizId?: string): Promise<AttemptListItem[]> {
  const mine = eq(quizAttempts.userId, actor.id);
  return db
    .select(summaryColumns)
    .from(quizAttempts)
    .where(quizId === undefined ? mine : and(mine, eq(quizAttempts.quizId, quizId)))
    .orderBy(asc(quizAttempts.startedAt));
}

/** One learner's record at one quiz: attempts started, the best and latest graded attempts, and any open one. */
export type QuizRecord = {
  quizId: string;
  started: number;
  best: AttemptListItem | null;
  latest: AttemptListItem | null;
  open: AttemptListItem | null;
  passed: boolean;
};

/** Groups a learner's attempts (oldest first) by quiz. The best is the highest score; a tie keeps the earlier. */
export function summarizeAttempts(attempts: readonly AttemptListItem[]): Map<string, QuizRecord> {
  const records = new Map<string, QuizRecord>();
  for (const a of attempts) {
    const record = records.get(a.quizId) ?? { quizId: a.quizId, started: 0, best: null, latest: null, open: null, passed: false };
    record.started++;
    if (a.submittedAt === null) record.open = a;
    else {
      record.latest = a;
      if (record.best === null || (a.score ?? 0) > (record.best.score ?? 0)) record.best = a;
      if (a.passed === true) record.passed = true;
    }
    records.set(a.quizId, record);
  }
  return records;
}
