import 'server-only';
// The recovery pass, run on a timer in a long-running server, by `npm run events:process`, and by
// the cron route on serverless hosts: it closes quiz attempts whose time ran out (each with its
// event), finishes every pending delivery of the outbox, whatever crashed or failed before, and
// sends the xAPI statements due to institutions' LRSs, and erases the accounts whose deletion grace
// period is over.
import type { Db } from '@/db/client';
import { closeExpiredQuizAttempts } from '@/db/queries/quizzes';
import { pruneRateLimits } from '@/db/queries/rate-limits';
import { getCatalog } from '@/lib/content';
import { type DeliveryOutcome, processDueEvents } from './events/dispatch';
import { eraseDueAccounts } from './privacy';
import { type SendReport, sendDueStatements } from './xapi/send';

export type MaintenanceReport = { quizzesClosed: number; deliveries: Record<DeliveryOutcome, number>; statements: SendReport; accountsErased: number };

export async function runMaintenance(db: Db, now: Date = new Date()): Promise<MaintenanceReport> {
  const { quizzes } = await getCatalog();
  const byId = new Map(quizzes.map((q) => [q.def.id, q.def]));
  const learners = await closeExpiredQuizAttempts(db, (id) => byId.get(id), now);
  const deliveries = await processDueEvents(db, now);
  const statements = await sendDueStatements(db, now);
  await pruneRateLimits(db, now);
  // Accounts whose deletion grace period is over are erased here (lib/services/privacy.ts).
  const accountsErased = await eraseDueAccounts(db, now);
  return { quizzesClosed: learners.length, deliveries, statements, accountsErased };
}
