import 'server-only';
// Sending queued statements to each LRS in batches. A batch is leased, posted, then marked sent;
// a failure waits and is retried (30 s, doubling, at most 6 hours); a crash after the LRS stored
// a batch sends it again after the lease with the same ids and bodies, which the LRS keeps once.
import type { Db } from '@/db/client';
import { type ClaimedBatch, claimStatementBatch, failStatements, lrsWithDueStatements, markStatements } from '@/db/queries/xapi';
import { describeAnswer, postStatements, putStatement } from './transport';

export type SendReport = { sent: number; conflict: number; failed: number };

export type SendOptions = { batchSize?: number; leaseMs?: number; maxBatchesPerLrs?: number };

const ok = (status: number) => status >= 200 && status < 300;

/**
 * One statement at a time, after the LRS refused a batch with 409: it holds, under one of these
 * ids, a statement that differs. PUT stores the others (or finds them held unchanged); one that
 * still conflicts is marked `conflict`, kept for the admins to see, and never sent again.
 */
async function sendOneByOne(db: Db, batch: ClaimedBatch, now: Date, report: SendReport): Promise<void> {
  for (const s of batch.statements) {
    let answer;
    try {
      answer = await putStatement(batch.lrs, s.id, s.statement);
    } catch (error) {
      await failStatements(db, [s], error instanceof Error ? error.message : String(error), now);
      report.failed++;
      continue;
    }
    if (ok(answer.status)) {
      await markStatements(db, [s.id], 'sent', now);
      report.sent++;
    } else if (answer.status === 409) {
      await markStatements(db, [s.id], 'conflict', now, describeAnswer(answer));
      console.error(`[xapi] LRS ${batch.lrs.id} holds a different statement with id ${s.id}; kept as a conflict`);
      report.conflict++;
    } else {
      await failStatements(db, [s], describeAnswer(answer), now);
      report.failed++;
    }
  }
}

async function sendBatch(db: Db, batch: ClaimedBatch, now: Date, report: SendReport): Promise<void> {
  const ids = batch.statements.map((s) => s.id);
  let answer;
  try {
    answer = await postStatements(batch.lrs, batch.statements.map((s) => s.statement));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await failStatements(db, batch.statements, message, now);
    console.error(`[xapi] sending ${ids.length} statements to LRS ${batch.lrs.id} failed (retried later): ${message}`);
    report.failed += ids.length;
    return;
  }
  if (ok(answer.status)) {
    await markStatements(db, ids, 'sent', now);
    report.sent += ids.length;
  } else if (answer.status === 409) {
    await sendOneByOne(db, batch, now, report);
  } else {
    await failStatements(db, batch.statements, describeAnswer(answer), now);
    console.error(`[xapi] LRS ${batch.lrs.id} refused ${ids.length} statements (retried later): ${describeAnswer(answer)}`);
    report.failed += ids.length;
  }
}

/** Sends every statement due now, each LRS in batches. Never throws for an LRS's failure. */
export async function sendDueStatements(db: Db, now: Date = new Date(), options: SendOptions = {}): Promise<SendReport> {
  const { batchSize = 50, leaseMs = 5 * 60_000, maxBatchesPerLrs = 20 } = options;
  const report: SendReport = { sent: 0, conflict: 0, failed: 0 };
  for (const lrsId of await lrsWithDueStatements(db, now)) {
    for (let i = 0; i < maxBatchesPerLrs; i++) {
      const batch = await claimStatementBatch(db, lrsId, now, new Date(now.getTime() + leaseMs), batchSize);
      if (!batch) break;
      await sendBatch(db, batch, now, report);
    }
  }
  return report;
}
