import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CaseDef, ConsultNote } from '@/lib/content/schemas/case';
import { consultNoteSchema } from '@/lib/content/schemas/case';
import {
  type ConsultMessage,
  type ConsultResult,
  type ConsultState,
  consultResultSchema,
  consultStateSchema,
  finishConsult,
  learnerNoteSchema,
  replayConsult,
  startConsult,
  stepConsult,
} from '@/lib/domain/consult';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { consultAttempts } from '../schema';
import { appendEvent } from './events';
import type { Actor } from './users';

/** A case as this build has it: its definition and the hash of its file. */
export type CaseVersion = { def: CaseDef; hash: string };

/** open: being played or waiting for the note; abandoned: closed by "start over" or a case edit, never graded. */
export type AttemptStatus = 'open' | 'abandoned' | 'passed' | 'failed';

type AttemptRow = typeof consultAttempts.$inferSelect;

/** A stored attempt, parsed. Holds the engine state (flags, scores): server-side only, never sent as is. */
export type ConsultAttempt = Omit<AttemptRow, 'state' | 'note' | 'result'> & {
  state: ConsultState;
  note: ConsultNote | null;
  result: ConsultResult | null;
  status: AttemptStatus;
};

/** Where one attempt stands, from its stored columns. */
export function statusOf(row: Pick<AttemptRow, 'finishedAt' | 'passed'>): AttemptStatus {
  if (row.finishedAt === null) return 'open';
  if (row.passed === null) return 'abandoned';
  return row.passed ? 'passed' : 'failed';
}

function toAttempt(row: AttemptRow): ConsultAttempt {
  return {
    ...row,
    state: consultStateSchema.parse(row.state),
    note: row.note === null ? null : consultNoteSchema.parse(row.note),
    result: row.result === null ? null : consultResultSchema.parse(row.result),
    status: statusOf(row),
  };
}

const attemptIdSchema = z.uuid();

function mine(actor: Actor, attemptId: string) {
  if (!attemptIdSchema.safeParse(attemptId).success) throw new AppError('not_found', `consult attempt ${attemptId}`);
  return and(eq(consultAttempts.id, attemptId), eq(consultAttempts.userId, actor.id));
}

/** The acting learner's own attempt. Another learner's attempt is reported as not found, so ids reveal nothing. */
export async function getOwnConsult(db: Db, actor: Actor, attemptId: string): Promise<ConsultAttempt> {
  const [row] = await db.select().from(consultAttempts).where(mine(actor, attemptId)).limit(1);
  if (!row) throw new AppError('not_found', `consult attempt ${attemptId} for ${actor.id}`);
  return toAttempt(row);
}

async function findOpenRow(db: Db, actor: Actor, caseId: string): Promise<AttemptRow | undefined> {
  const [row] = await db
    .select()
    .from(consultAttempts)
    .where(and(eq(consultAttempts.userId, actor.id), eq(consultAttempts.caseId, caseId), isNull(consultAttempts.finishedAt)))
    .limit(1);
  return row;
}

/** Closes an open attempt without grading it; returns whether this call closed it. */
async function closeUngraded(db: Db, actor: Actor, attemptId: string, now: Date): Promise<boolean> {
  const closed = await db
    .update(consultAttempts)
    .set({ finishedAt: now, updatedAt: now })
    .where(and(mine(actor, attemptId), isNull(consultAttempts.finishedAt)))
    .returning({ id: consultAttempts.id });
  return closed.length > 0;
}

/**
 * Brings an open attempt to the case as this build has it. Same hash: as is. Otherwise its choices
 * are replayed on the new version (the state follows the edited case); if one of them no longer
 * exists the attempt is closed, ungraded, and null is returned.
 */
async function syncToVersion(db: Db, actor: Actor, attempt: ConsultAttempt, version: CaseVersion, now: Date): Promise<ConsultAttempt | null> {
  if (attempt.contentHash === version.hash || attempt.finishedAt !== null) return attempt;
  const replayed = replayConsult(version.def, attempt.state);
  if (replayed === null) {
    await closeUngraded(db, actor, attempt.id, now);
    return null;
  }
  await db
    .update(consultAttempts)
    .set({ state: replayed, step: replayed.step, contentHash: version.hash, updatedAt: now })
    .where(and(mine(actor, attempt.id), eq(consultAttempts.contentHash, attempt.contentHash), isNull(consultAttempts.finishedAt)));
  return getOwnConsult(db, actor, attempt.id);
}

/**
 * The acting learner's unfinished attempt at this case as a page shows it, reading only: an
 * attempt at an earlier version of the case is replayed on this one in memory (the next step stores
 * it); null if there is none, or if its path no longer exists in the case (the next start closes it).
 */
export async function viewOpenConsult(db: Db, actor: Actor, version: CaseVersion): Promise<ConsultAttempt | null> {
  const row = await findOpenRow(db, actor, version.def.id);
  if (row === undefined) return null;
  const attempt = toAttempt(row);
  if (attempt.contentHash === version.hash) return attempt;
  const replayed = replayConsult(version.def, attempt.state);
  return replayed === null ? null : { ...attempt, state: replayed, step: replayed.step, contentHash: version.hash };
}

/** The acting learner's unfinished attempt at this case, brought up to date with the case (stored); null if none. */
export async function getOpenConsult(db: Db, actor: Actor, version: CaseVersion, now: Date): Promise<ConsultAttempt | null> {
  const row = await findOpenRow(db, actor, version.def.id);
  return row === undefined ? null : syncToVersion(db, actor, toAttempt(row), version, now);
}

export type StartResult = { attempt: ConsultAttempt; resumed: boolean };

/**
 * Resumes the acting learner's unfinished attempt at this case, or starts one. Two starts at once
 * (two tabs, a double click) converge: the partial unique index lets only one open row exist, and
 * the loser of the race reads the winner's row.
 */
export async function startOrResumeConsult(db: Db, actor: Actor, version: CaseVersion, now: Date): Promise<StartResult> {
  const open = await getOpenConsult(db, actor, version, now);
  if (open !== null) return { attempt: open, resumed: true };
  const state = startConsult(version.def);
  const [created] = await db
    .insert(consultAttempts)
    .values({ userId: actor.id, caseId: version.def.id, contentHash: version.hash, state, step: state.step, startedAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return { attempt: toAttempt(created), resumed: false };
  const winner = await findOpenRow(db, actor, version.def.id);
  if (!winner) throw new AppError('conflict', `consult ${version.def.id}: no open attempt after a conflicting start`);
  return { attempt: toAttempt(winner), resumed: true };
}

/**
 * "Start over": closes the acting learner's open attempt ungraded (it stays in their history as
 * abandoned) and starts a fresh one. Repeating it (a double click) starts over once: the second call
 * finds the attempt already closed and resumes the fresh one.
 */
export async function restartOwnConsult(db: Db, actor: Actor, attemptId: string, version: CaseVersion, now: Date): Promise<StartResult> {
  const attempt = await getOwnConsult(db, actor, attemptId);
  if (attempt.caseId !== version.def.id) throw new AppError('not_found', `consult attempt ${attemptId} is not for ${version.def.id}`);
  await closeUngraded(db, actor, attemptId, now);
  return startOrResumeConsult(db, actor, version, now);
}

export type StepOutcome = { attempt: ConsultAttempt; advanced: boolean; messages: ConsultMessage[] };

async function openForWrite(db: Db, actor: Actor, attemptId: string, version: CaseVersion, now: Date): Promise<ConsultAttempt> {
  const attempt = await getOwnConsult(db, actor, attemptId);
  if (attempt.caseId !== version.def.id) throw new AppError('not_found', `consult attempt ${attemptId} is not for ${version.def.id}`);
  const synced = await syncToVersion(db, actor, attempt, version, now);
  if (synced === null) throw new AppError('conflict', `consult attempt ${attemptId}: its case changed and its path no longer exists`);
  return synced;
}

/**
 * Takes one choice in the acting learner's attempt. The update requires the step the learner saw
 * (`expectedStep`) and an unfinished attempt, so a double click, a second tab or a replayed request
 * advances once; a stale or finished attempt comes back unchanged (`advanced: false`) for the page to
 * show as it now is. A choice that is not offered at the current step is a bad request.
 */
export async function stepOwnConsult(
  db: Db,
  actor: Actor,
  attemptId: string,
  expectedStep: number,
  choiceId: string,
  version: CaseVersion,
  now: Date,
): Promise<StepOutcome> {
  const attempt = await openForWrite(db, actor, attemptId, version, now);
  if (attempt.finishedAt !== null || attempt.step !== expectedStep) return { attempt, advanced: false, messages: [] };
  const stepped = stepConsult(version.def, attempt.state, choiceId);
  if (!stepped.ok) {
    if (stepped.error === 'ended') return { attempt, advanced: false, messages: [] };
    throw new AppError('bad_request', `consult attempt ${attemptId}: choice ${choiceId} ${stepped.error} at step ${expectedStep}`);
  }
  // The row written is the one read with the three columns set (the update applies only while its
  // step and open state are as read): it is not sent back and parsed again (issue 20).
  const [updated] = await db
    .update(consultAttempts)
    .set({ state: stepped.state, step: stepped.state.step, updatedAt: now })
    .where(and(mine(actor, attemptId), eq(consultAttempts.step, expectedStep), isNull(consultAttempts.finishedAt)))
    .returning({ id: consultAttempts.id });
  if (updated) return { attempt: { ...attempt, state: stepped.state, step: stepped.state.step, updatedAt: now }, advanced: true, messages: stepped.messages };
  return { attempt: await getOwnConsult(db, actor, attemptId), advanced: false, messages: [] };
}

export type FinishOutcome = { attempt: ConsultAttempt; finishedNow: boolean };

/**
 * Grades the acting learner's ended attempt with their note and closes it, exactly once: the update
 * only applies while `finished_at` is null, so a double submit gets the attempt as first graded
 * (`finishedNow: false`). The `consult.finished` event is written in the same transaction. The
 * note is validated here too; an invalid one is a bad request.
 */
export async function finishOwnConsult(db: Db, actor: Actor, attemptId: string, note: unknown, version: CaseVersion, now: Date): Promise<FinishOutcome> {
  const parsed = learnerNoteSchema.safeParse(note);
  if (!parsed.success) throw new AppError('bad_request', `consult note: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const attempt = await openForWrite(db, actor, attemptId, version, now);
  if (attempt.status === 'abandoned') throw new AppError('conflict', `consult attempt ${attemptId} was abandoned`);
  if (attempt.finishedAt !== null) return { attempt, finishedNow: false };
  const finished = finishConsult(version.def, attempt.state, parsed.data);
  if (!finished.ok) throw new AppError('bad_request', `consult attempt ${attemptId} has not ended`);
  const { result } = finished;
  const updated = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultAttempts)
      .set({
        note: parsed.data,
        result,
        score: result.total.percent,
        passed: result.passed,
        criticalErrors: result.criticalErrors,
        finishedAt: now,
        updatedAt: now,
      })
      .where(and(mine(actor, attemptId), eq(consultAttempts.step, attempt.step), isNull(consultAttempts.finishedAt)))
      .returning();
    if (!updated) return null;
    await appendEvent(tx, {
      kind: 'consult.finished',
      sourceId: updated.id,
      userId: actor.id,
      payload: { caseId: updated.caseId, attemptId: updated.id, score: result.total.percent, passed: result.passed },
      occurredAt: now,
    });
    return updated;
  });
  if (updated) return { attempt: toAttempt(updated), finishedNow: true };
  return { attempt: await getOwnConsult(db, actor, attemptId), finishedNow: false };
}
