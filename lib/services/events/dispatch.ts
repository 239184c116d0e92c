import 'server-only';
// Consuming the outbox: each pending delivery is claimed, handled and marked done in one
// transaction, so its work happens exactly once (a lease handler: at least once, see handlers.ts);
// a failure is retried later with a growing delay.
import type { Db } from '@/db/client';
import { type DeliveryRef, claimDelivery, completeDelivery, dueDeliveries, failDelivery, leaseDelivery, pendingDeliveriesFor } from '@/db/queries/events';
import { type HandlerName, handlerNames, retryDelayMs } from '@/lib/domain/events';
import { sendDueStatements } from '../xapi/send';
import { type Handler, handlers } from './handlers';
import { onePassAtATime } from './one-pass';
import { soon } from './soon';

export type DeliveryOutcome = 'done' | 'skipped' | 'failed';

/** How long a lease handler has to finish before its delivery may be taken again. */
const LEASE_MS = 5 * 60_000;

const inlineHandlers = handlerNames.filter((name) => handlers[name].inline);

function handlerOf(name: string): Handler | null {
  const known = handlerNames.find((h): h is HandlerName => h === name);
  return known ? handlers[known] : null;
}

async function run(db: Db, handler: Handler, ref: DeliveryRef, now: Date, wait: boolean): Promise<DeliveryOutcome> {
  if (handler.mode === 'transaction') {
    return db.transaction(async (tx) => {
      const event = await claimDelivery(tx, ref, wait);
      if (!event) return 'skipped';
      await handler.handle(tx, event, now);
      await completeDelivery(tx, ref, now);
      return 'done';
    });
  }
  const event = await db.transaction(async (tx) => {
    const claimed = await claimDelivery(tx, ref, false);
    if (claimed) await leaseDelivery(tx, ref, new Date(now.getTime() + LEASE_MS));
    return claimed;
  });
  if (!event) return 'skipped';
  await handler.handle(db, event, now);
  await completeDelivery(db, ref, now);
  return 'done';
}

/** Runs one delivery; `wait` makes a transaction handler wait for another process that holds it rather than skip. */
export async function deliver(db: Db, ref: DeliveryRef, now: Date, wait: boolean): Promise<DeliveryOutcome> {
  try {
    const handler = handlerOf(ref.handler);
    if (!handler) throw new Error(`no handler named "${ref.handler}" in this build`);
    return await run(db, handler, ref, now, wait);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = await failDelivery(db, ref, message, (n) => new Date(now.getTime() + retryDelayMs(n)));
    console.error(`[outbox] ${ref.handler} failed on ${ref.eventId} (try ${attempts}): ${message}`);
    return 'failed';
  }
}

/** The recovery pass: every delivery due now, whatever crashed or failed before. Returns the count of each outcome. */
export async function processDueEvents(db: Db, now: Date = new Date(), limit = 200): Promise<Record<DeliveryOutcome, number>> {
  const counts: Record<DeliveryOutcome, number> = { done: 0, skipped: 0, failed: 0 };
  for (const ref of await dueDeliveries(db, now, limit)) counts[await deliver(db, ref, now, false)]++;
  return counts;
}

/**
 * Finishes, before a request answers, the inline work that follows this learner's new events
 * (issuing a certificate just earned), and sets the rest (e-mail, xAPI statements) going once the response is
 * sent. A failure is logged and left to the recovery pass: it never fails the request whose
 * record is already committed.
 */
export async function followUp(db: Db, userId: string, now: Date = new Date()): Promise<void> {
  try {
    for (const ref of await pendingDeliveriesFor(db, userId, inlineHandlers, now)) await deliver(db, ref, now, true);
  } catch (error) {
    console.error('[outbox] follow-up failed; the recovery pass will finish it', error);
  }
  soon(() => backgroundPass(db));
}

const passes = new WeakMap<Db, () => Promise<void>>();

/** The pass after a response (e-mail, xAPI statements, other due work): one at a time per database per process (./one-pass.ts). */
function backgroundPass(db: Db): Promise<void> {
  let pass = passes.get(db);
  if (!pass) {
    pass = onePassAtATime(async () => {
      await processDueEvents(db, new Date(), 50);
      await sendDueStatements(db, new Date());
    });
    passes.set(db, pass);
  }
  return pass();
}
