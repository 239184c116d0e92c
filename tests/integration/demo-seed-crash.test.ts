// The first start's demo seed is all or nothing: the preparing process (db/setup.ts, what `npm start`
// runs before serving) is killed with SIGKILL inside the seed's transaction, and leaves no demo data;
// the next start seeds all of it, and the one after adds nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { type Db, type DbHandle, openDb } from '@/db/client';
import { seedDemoAccounts } from '@/db/demo';
import { seedPauseLine } from '@/db/seed';
import { auditLog, consultAttempts, institutionStaff, institutions, lessonCompletions, quizAttempts, users } from '@/db/schema';
import { loadCatalog } from '@/lib/content/catalog';
import { openFreshPostgres } from '../support/databases';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

type Target = Record<string, string>;

/** Runs db/setup.ts as `npm start` does, with the database chosen by `target`; resolves with its output. */
function setup(target: Target, extra: Record<string, string> = {}, until?: string) {
  // An explicit PGLITE_DIR or DATABASE_URL in `target` decides the database; DATA_DIR only holds the printed accounts.
  const { DATABASE_URL: _url, POSTGRES_URL: _vercel, PGLITE_DIR: _dir, ...inherited } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'db/setup.ts'], {
    env: { ...inherited, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'seed-data-')), SEED_DEMO_PASSWORD: 'demo-password-1', ...target, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise<{ proc: ChildProcess; output: string }>((resolve, reject) => {
    if (until) proc.stdout.on('data', () => output.includes(until) && resolve({ proc, output }));
    proc.on('exit', (code) => (code === 0 && !until ? resolve({ proc, output }) : reject(new Error(`setup exited (${code}) ${until ? `before "${until}"` : ''}:\n${output}`))));
  });
}

function killed(proc: ChildProcess) {
  return new Promise<void>((resolve) => {
    proc.on('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

/** How many rows of each kind the demo seed writes. */
async function demoCounts(db: Db) {
  const n = async (table: Parameters<ReturnType<Db['select']>['from']>[0]) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    institutions: await n(institutions),
    staff: await n(institutionStaff),
    lessons: await n(lessonCompletions),
    quizzes: await n(quizAttempts),
    consults: await n(consultAttempts),
    markers: (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'demo.seeded')))[0]!.n,
  };
}

/** The counts of a seed that ran to the end undisturbed, in memory. */
async function expectedCounts() {
  const reference = openDb({ driver: 'pglite', dataDir: null });
  try {
    await reference.migrate();
    await seedDemoAccounts(reference.db, { password: 'demo-password-1', catalog: await loadCatalog(path.join(process.cwd(), 'content')) });
    return await demoCounts(reference.db);
  } finally {
    await reference.close();
  }
}

/** Kill inside the transaction, check nothing is left, restart twice, check everything is there once. */
async function killRestartAndCheck(target: Target, open: () => DbHandle | Promise<DbHandle>) {
  const expected = await expectedCounts();
  expect(expected.lessons).toBeGreaterThan(0);
  expect(expected.markers).toBe(1);
  const { proc } = await setup(target, { SEED_PAUSE_MS: '600000' }, seedPauseLine);
  await killed(proc);
  // Between the kill and the restart: no demo account, no half-seeded doctor.
  const between = await open();
  try {
    expect(await demoCounts(between.db)).toEqual({ users: 0, institutions: 0, staff: 0, lessons: 0, quizzes: 0, consults: 0, markers: 0 });
  } finally {
    await between.close();
  }
  const restarted = await setup(target);
  expect(restarted.output).toContain('admin@demo.telehealth.test');
  const again = await setup(target);
  expect(again.output).toContain('already there');
  const after = await open();
  try {
    expect(await demoCounts(after.db)).toEqual(expected);
  } finally {
    await after.close();
  }
}

/** PostgreSQL: a fresh database (through the pooler when the suites use one), reopened for each check. */
async function postgresCase(serverUrl: string) {
  const fresh = await openFreshPostgres(serverUrl);
  try {
    await killRestartAndCheck({ DATABASE_URL: fresh.url }, () => openDb({ driver: 'pg', url: fresh.url }));
  } finally {
    await fresh.close();
  }
}

async function pgliteCase() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seed-pglite-'));
  await killRestartAndCheck({ PGLITE_DIR: dataDir }, () => openDb({ driver: 'pglite', dataDir }));
}

const serverUrl = process.env.TEST_DATABASE_URL;
const cases = [
  { name: 'PGlite: the folder holds no demo data after the kill, and all of it once after two restarts', run: pgliteCase },
  ...(serverUrl ? [{ name: 'PostgreSQL: the database holds no demo data after the kill, and all of it once after two restarts', run: () => postgresCase(serverUrl) }] : []),
];

describe('a kill during the first start’s demo seed', () => {
  test.each(cases)('$name', async ({ run }) => {
    await run();
  }, 300_000);
});
