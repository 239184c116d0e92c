import 'server-only';
// xAPI statements owed to institutions' LRSs: queued in the learning event's own transaction,
// claimed in batches under a lease, marked sent (or in conflict) once the LRS has answered.
import { and, asc, count, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { retryDelayMs } from '@/lib/domain/events';
import { type StatementEvent, buildStatement, isStatementKind } from '@/lib/domain/xapi/statements';
import { serverEnv } from '@/lib/env';
import type { Db } from '../client';
import { cohortMemberships, cohorts, institutionLrs, users, xapiStatements } from '../schema';

type QueuedEvent = { id: string; kind: string; userId: string | null; payload: unknown; occurredAt: Date };

/**
 * Writes one statement for each enabled LRS of the institutions whose cohorts the learner is an
 * active member of now (the moment the event is written). Call it in the event's transaction:
 * the statements are kept with the event or not at all; a replay inserts nothing new.
 */
export async function queueStatements(tx: Db, event: QueuedEvent): Promise<number> {
  if (!event.userId || !isStatementKind(event.kind)) return 0;
  const stores = await tx
    .selectDistinct({ id: institutionLrs.id, sendEmail: institutionLrs.sendEmail })
    .from(cohortMemberships)
    .innerJoin(cohorts, eq(cohorts.id, cohortMemberships.cohortId))
    .innerJoin(institutionLrs, eq(institutionLrs.institutionId, cohorts.institutionId))
    .where(and(eq(cohortMemberships.userId, event.userId), isNull(cohortMemberships.leftAt), eq(institutionLrs.enabled, true)));
  if (stores.length === 0) return 0;
  const email = stores.some((s) => s.sendEmail) ? ((await tx.select({ email: users.email }).from(users).where(eq(users.id, event.userId)))[0]?.email ?? null) : null;
  const env = serverEnv();
  const site = { publicUrl: env.publicUrl, platform: env.CERTIFICATE_ISSUER_NAME };
  const source: StatementEvent = { id: event.id, kind: event.kind, payload: event.payload, occurredAt: event.occurredAt };
  const rows = stores.map((lrs) => {
    const statement = buildStatement(source, { id: event.userId!, email }, lrs, site);
    return { id: statement.id, lrsId: lrs.id, eventId: event.id, userId: event.userId, statement, nextAttemptAt: event.occurredAt };
  });
  const inserted = await tx.insert(xapiStatements).values(rows).onConflictDoNothing().returning({ id: xapiStatements.id });
  return inserted.length;
}

/** LRSs with statements due now. */
export async function lrsWithDueStatements(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ lrsId: xapiStatements.lrsId })
    .from(xapiStatements)
    .where(and(isNull(xapiStatements.doneAt), lte(xapiStatements.nextAttemptAt, now)));
  return rows.map((r) => r.lrsId);
}

export type ClaimedBatch = {
  lrs: { id: string; endpoint: string; authKey: string; authSecret: string };
  statements: { id: string; statement: Record<string, unknown>; attempts: number }[];
};

/**
 * Takes up to `limit` due statements of one LRS, oldest first, and leases them until `leaseUntil`:
 * no other pass sends them before then. A crash while sending leaves them to be sent again after
 * the lease, with the same ids and bodies, which the LRS keeps once.
 */
export async function claimStatementBatch(db: Db, lrsId: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedBatch | null> {
  return db.transaction(async (tx) => {
    const [lrs] = await tx
      .select({ id: institutionLrs.id, endpoint: institutionLrs.endpoint, authKey: institutionLrs.authKey, authSecret: institutionLrs.authSecret, enabled: institutionLrs.enabled })
      .from(institutionLrs)
      .where(eq(institutionLrs.id, lrsId));
    if (!lrs?.enabled) return null;
    const due = await tx
      .select({ id: xapiStatements.id })
      .from(xapiStatements)
      .where(and(eq(xapiStatements.lrsId, lrsId), isNull(xapiStatements.doneAt), lte(xapiStatements.nextAttemptAt, now)))
      .orderBy(asc(xapiStatements.nextAttemptAt), asc(xapiStatements.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return null;
    const statements = await tx
      .update(xapiStatements)
      .set({ nextAttemptAt: leaseUntil, attempts: sql`${xapiStatements.attempts} + 1` })
      .where(inArray(xapiStatements.id, due.map((d) => d.id)))
      .returning({ id: xapiStatements.id, statement: xapiStatements.statement, attempts: xapiStatements.attempts });
    statements.sort((a, b) => a.id.localeCompare(b.id));
    return { lrs: { id: lrs.id, endpoint: lrs.endpoint, authKey: lrs.authKey, authSecret: lrs.authSecret }, statements };
  });
}

/** Marks statements done: accepted by the LRS, or refused there as a conflicting duplicate. */
export async function markStatements(db: Db, ids: string[], outcome: 'sent' | 'conflict', now: Date, note: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(xapiStatements)
    .set({ outcome, doneAt: now, lastError: note })
    .where(and(inArray(xapiStatements.id, ids), isNull(xapiStatements.doneAt)));
}

/** Records a failed send: each statement waits 30 s, doubling with its tries, at most 6 hours. */
export async function failStatements(db: Db, batch: ClaimedBatch['statements'], error: string, now: Date): Promise<void> {
  for (const s of batch) {
    await db
      .update(xapiStatements)
      .set({ lastError: error.slice(0, 2000), nextAttemptAt: new Date(now.getTime() + retryDelayMs(s.attempts)) })
      .where(and(eq(xapiStatements.id, s.id), isNull(xapiStatements.doneAt)));
  }
}

/** For the LRS page: how many statements are waiting, sent and in conflict, and the latest error. */
export async function statementCounts(db: Db, lrsId: string) {
  const rows = await db
    .select({ outcome: xapiStatements.outcome, n: count() })
    .from(xapiStatements)
    .where(eq(xapiStatements.lrsId, lrsId))
    .groupBy(xapiStatements.outcome);
  const [failing] = await db
    .select({ lastError: xapiStatements.lastError, attempts: xapiStatements.attempts })
    .from(xapiStatements)
    .where(and(eq(xapiStatements.lrsId, lrsId), isNull(xapiStatements.doneAt), sql`${xapiStatements.lastError} is not null`))
    .orderBy(asc(xapiStatements.nextAttemptAt))
    .limit(1);
  const of = (o: 'sent' | 'conflict' | null) => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
  return { pending: of(null), sent: of('sent'), conflict: of('conflict'), lastError: failing?.lastError ?? null };
}
