// A process killed between a record's commit and what must follow it: the recovery pass, in
// another process, finishes the follow-up exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { openDb } from '@/db/client';
import type { Db } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { eventDeliveries, learningEvents, lessonCompletions } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { runMaintenance } from '@/lib/services/maintenance';
import { doctorOneShort } from '../support/certificate-evidence';
import { openFreshPostgres } from '../support/databases';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'crash-keys-'));
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** Starts the child on the last practice lesson; resolves once it prints `line`. */
async function child(mode: 'record-only' | 'complete', userId: string, env: Record<string, string>, line: string) {
  const catalog = await getCatalog();
  const programme = catalog.programmes.find((p) => p.def.id === 'practice-doctors')!.def;
  const lesson = catalog.modules.filter((m) => programme.requirements.modules.includes(m.slug)).flatMap((m) => m.lessons).at(-1)!;
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'tests/support/outbox-child.ts', mode, userId, lesson.moduleSlug, lesson.slug, lesson.hash], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let errors = '';
  proc.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => d.toString().includes(line) && resolve());
    proc.on('exit', (code) => reject(new Error(`child exited (${code}) before "${line}": ${errors}`)));
  });
  return proc;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting for the child to block');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function killed(proc: ChildProcess) {
  return new Promise<void>((resolve) => {
    proc.on('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

async function expectRecoveredOnce(db: Db, userId: string) {
  const [event] = await db.select().from(learningEvents).where(eq(learningEvents.userId, userId));
  expect(event?.kind).toBe('lesson.completed');
  const [lesson] = await db.select().from(lessonCompletions).where(eq(lessonCompletions.id, Number(event!.id.split(':')[1])));
  expect(lesson?.userId).toBe(userId); // the record was committed before the kill
  const certificatesOf = and(eq(eventDeliveries.eventId, event!.id), eq(eventDeliveries.handler, 'certificates'));
  const [pending] = await db.select().from(eventDeliveries).where(certificatesOf);
  expect(pending).toMatchObject({ handler: 'certificates', doneAt: null });
  expect(await listOwnCertificates(db, { id: userId, role: 'learner' })).toHaveLength(0);
  await runMaintenance(db, new Date());
  await runMaintenance(db, new Date());
  expect(await listOwnCertificates(db, { id: userId, role: 'learner' })).toHaveLength(1);
  const [done] = await db.select().from(eventDeliveries).where(certificatesOf);
  expect(done?.doneAt).not.toBeNull();
}

/** PGlite: the child commits the record and its event, then is killed before the follow-up starts. */
async function pgliteCrash() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'crash-pglite-'));
  const setup = openDb({ driver: 'pglite', dataDir });
  await setup.migrate();
  const user = await doctorOneShort(setup.db, 'crash-pglite@example.com', 'lesson');
  await setup.close(); // one process per PGlite folder: the child has it now
  await killed(await child('record-only', user.id, { CHILD_PGLITE_DIR: dataDir }, 'committed'));
  const after = openDb({ driver: 'pglite', dataDir });
  try {
    await expectRecoveredOnce(after.db, user.id);
  } finally {
    await after.close();
  }
}

/** PostgreSQL: the child runs the whole service and is killed while its follow-up waits inside its transaction. */
async function postgresCrash(serverUrl: string) {
  const handle = await openFreshPostgres(serverUrl);
  const blocker = new Client({ connectionString: handle.url });
  try {
    const user = await doctorOneShort(handle.db, 'crash-pg@example.com', 'lesson');
    await blocker.connect();
    // Hold the certificates table so the child's follow-up blocks inside its transaction.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE certificates IN SHARE ROW EXCLUSIVE MODE');
    const proc = await child('complete', user.id, { CHILD_DATABASE_URL: `${handle.url}?application_name=outbox-child` }, 'started');
    await waitFor(async () => (await blocker.query(`select count(*)::int as n from pg_locks where not granted and relation = 'certificates'::regclass`)).rows[0].n > 0);
    await killed(proc);
    await blocker.query('ROLLBACK');
    // The killed client's server process notices it is gone once it stops waiting, and rolls back.
    // Behind a transaction-mode pooler the server connection may live on, idle, for the next client:
    // what matters is that none of the child's connections is still inside a transaction.
    await waitFor(async () => (await blocker.query(`select count(*)::int as n from pg_stat_activity where application_name = 'outbox-child' and state <> 'idle'`)).rows[0].n === 0);
    await expectRecoveredOnce(handle.db, user.id);
  } finally {
    await blocker.end().catch(() => undefined);
    await handle.close();
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;
const crashes = [
  { name: 'PGlite: killed right after the commit, the recovery pass in the next process issues the certificate once', run: pgliteCrash },
  ...(serverUrl
    ? [{ name: 'PostgreSQL: killed inside the follow-up transaction, nothing of it is kept and the recovery pass issues the certificate once', run: () => postgresCrash(serverUrl) }]
    : []),
];

describe('a crash between the record and its follow-up', () => {
  test.each(crashes)('$name', async ({ run }) => {
    await run();
  });
});
