import 'server-only';
import { getDb } from '@/db/client';
import { serverEnv } from '@/lib/env';
import { runMaintenance } from '../maintenance';

const globalForWorker = globalThis as typeof globalThis & { __telehealthRecovery?: NodeJS.Timeout };

/** One recovery pass, logged when it did anything. Never throws: a failure is retried on the next tick. */
async function tick(): Promise<void> {
  try {
    const report = await runMaintenance(getDb());
    const { done, failed } = report.deliveries;
    const { sent, conflict, failed: unsent } = report.statements;
    if (report.quizzesClosed + done + failed + sent + conflict + unsent + report.accountsErased > 0) {
      console.log(`[outbox] recovery pass: ${report.quizzesClosed} expired quiz attempts graded, ${done} follow-ups done, ${failed} failed (retried later); xAPI statements: ${sent} sent, ${conflict} in conflict, ${unsent} failed; ${report.accountsErased} deleted accounts erased`);
    }
  } catch (error) {
    console.error('[outbox] recovery pass failed; it runs again on the next tick', error);
  }
}

/**
 * Runs the recovery pass in a long-running server: once shortly after start (finishing what a crash
 * left) and then every OUTBOX_INTERVAL_SECONDS. One pass at a time; the timer never keeps the
 * process alive. Serverless hosts call the cron route instead.
 */
export function startRecoveryWorker(): void {
  const seconds = serverEnv().OUTBOX_INTERVAL_SECONDS;
  if (globalForWorker.__telehealthRecovery || seconds === 0) return;
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    await tick();
    running = false;
  };
  setTimeout(once, 2_000).unref();
  globalForWorker.__telehealthRecovery = setInterval(once, seconds * 1000);
  globalForWorker.__telehealthRecovery.unref();
}
