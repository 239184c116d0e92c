// The sender killed mid-batch, before or after the LRS stored the batch: the next pass, in another
// process, sends the same statements again after their lease, and the LRS holds each exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type Db, type DbHandle, openDb } from '@/db/client';
import { xapiStatements } from '@/db/schema';
import { sendDueStatements } from '@/lib/services/xapi/send';
import { openFreshPostgres } from '../support/databases';
import { TestLrs } from '../support/lrs-server';
import { institutionWithLrs, join, lrsKey, lrsSecret, person, quizGraded } from '../support/xapi';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'xapi-crash-'));
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64'); // the child decrypts the LRS secret with the same key
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

const minute = 60_000;
const COUNT = 5;

/** Runs the sender in a child process and kills it once the LRS has the batch (held unanswered). */
async function killSenderMidBatch(lrs: TestLrs, mode: 'store-then-hang' | 'hang-before-store', env: Record<string, string>, at: Date) {
  const arrived = lrs.holdNextBatch(mode);
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'tests/support/xapi-child.ts', at.toISOString(), String(COUNT * 2)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let errors = '';
  proc.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  await Promise.race([arrived, exited.then(() => Promise.reject(new Error(`the sender exited before the batch arrived: ${errors}`)))]);
  proc.kill('SIGKILL');
  await exited;
}

async function seed(db: Db, endpoint: string, at: Date) {
  const a = await institutionWithLrs(db, `Crash College ${randomBytes(3).toString('hex')}`, endpoint);
  const learner = await person(db, 'crash-learner');
  await join(db, a.cohortId, learner.id);
  for (let i = 0; i < COUNT; i++) await quizGraded(db, learner.id, i, at);
}

async function expectExactlyOnce(db: Db, lrs: TestLrs, at: Date) {
  const leased = await db.select().from(xapiStatements);
  expect(leased.every((s) => s.doneAt === null)).toBe(true); // the kill came before they were marked sent
  // Within the lease nothing is sent again; after it, the same batch goes once more.
  expect(await sendDueStatements(db, new Date(at.getTime() + minute))).toMatchObject({ sent: 0, failed: 0 });
  expect(await sendDueStatements(db, new Date(at.getTime() + 10 * minute))).toMatchObject({ sent: COUNT, failed: 0 });
  const rows = await db.select().from(xapiStatements);
  expect(rows).toHaveLength(COUNT);
  expect(rows.every((s) => s.outcome === 'sent')).toBe(true);
  expect(lrs.stored.size).toBe(COUNT);
  for (const r of rows) expect(lrs.storeCount.get(r.id)).toBe(1);
  expect(lrs.invalid).toEqual([]);
}

async function crashOnPglite(mode: 'store-then-hang' | 'hang-before-store') {
  const lrs = new TestLrs({ key: lrsKey, secret: lrsSecret });
  const endpoint = await lrs.start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xapi-crash-pglite-'));
  const at = new Date();
  const setup = openDb({ driver: 'pglite', dataDir });
  await setup.migrate();
  await seed(setup.db, endpoint, at);
  await setup.close(); // one process per PGlite folder: the child has it now
  let after: DbHandle | undefined;
  try {
    await killSenderMidBatch(lrs, mode, { CHILD_PGLITE_DIR: dataDir }, at);
    expect(lrs.stored.size).toBe(mode === 'store-then-hang' ? COUNT : 0);
    after = openDb({ driver: 'pglite', dataDir });
    await expectExactlyOnce(after.db, lrs, at);
  } finally {
    await after?.close();
    await lrs.stop();
  }
}

async function crashOnPostgres(serverUrl: string, mode: 'store-then-hang' | 'hang-before-store') {
  const lrs = new TestLrs({ key: lrsKey, secret: lrsSecret });
  const endpoint = await lrs.start();
  const handle = await openFreshPostgres(serverUrl);
  const at = new Date();
  try {
    await seed(handle.db, endpoint, at);
    await killSenderMidBatch(lrs, mode, { CHILD_DATABASE_URL: handle.url }, at);
    expect(lrs.stored.size).toBe(mode === 'store-then-hang' ? COUNT : 0);
    await expectExactlyOnce(handle.db, lrs, at);
  } finally {
    await handle.close();
    await lrs.stop();
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;
const modes = ['store-then-hang', 'hang-before-store'] as const;
const crashes = [
  ...modes.map((mode) => ({ name: `PGlite: the sender killed with the batch ${mode === 'store-then-hang' ? 'stored' : 'not yet stored'} by the LRS`, run: () => crashOnPglite(mode) })),
  ...(serverUrl ? modes.map((mode) => ({ name: `PostgreSQL: the sender killed with the batch ${mode === 'store-then-hang' ? 'stored' : 'not yet stored'} by the LRS`, run: () => crashOnPostgres(serverUrl, mode) })) : []),
];

describe('a sender killed mid-batch: every statement lands in the LRS exactly once', () => {
  test.each(crashes)('$name', async ({ run }) => {
    await run();
  });
});
