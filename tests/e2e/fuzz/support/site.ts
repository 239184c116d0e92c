// The fuzz suite's own production server (scripts/serve.mjs, so its front is fuzzed too) and
// database, apart from the shared e2e server: the suite compares a digest of every table before and
// after it sends bad input, so nothing else may write to that database meanwhile.
//
// PostgreSQL when the server on 127.0.0.1:5432 answers (a database created for the run and
// dropped after): the digest is read while the site runs. Otherwise PGlite in a folder of its own;
// PGlite allows one process per folder, so the site is stopped while the digest is read.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { demoPassword } from '../../support/fixtures';

const repo = process.cwd();
const adminUrl = process.env.FUZZ_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * What may change while bad input is refused, and why; everything else must stay as it was.
 * - rate_limit_hits, sign_in_attempts: the counters that refuse floods count refused requests too.
 * - sessions.last_seen_at: a signed-in request refreshes it (at most every 5 minutes) by design.
 * - audit_log rows `cohort.join_failed`: the counter that stops join-code guessing
 *   (db/queries/cohort-members.ts) records each wrong code.
 */
export const digestExclusions = {
  tables: ['rate_limit_hits', 'sign_in_attempts'],
  columns: { sessions: ['last_seen_at'] } as Record<string, string[]>,
  rows: { audit_log: "action <> 'cohort.join_failed'" } as Record<string, string>,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function postgresAnswers(): Promise<boolean> {
  if (process.env.FUZZ_DATABASE === 'pglite') return false;
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Per table: its row count and an md5 of its rows in a fixed order, minus the exclusions. */
async function digestWith(query: Query): Promise<Record<string, string>> {
  const tables = (await query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)).map((r) => String(r.table_name));
  const digest: Record<string, string> = {};
  for (const table of tables) {
    if (digestExclusions.tables.includes(table)) continue;
    const skip = digestExclusions.columns[table] ?? [];
    const columns = (await query(`select column_name from information_schema.columns where table_schema = 'public' and table_name = '${table}' order by ordinal_position`))
      .map((r) => String(r.column_name))
      .filter((c) => !skip.includes(c));
    const row = `row(${columns.map((c) => `t."${c}"`).join(', ')})::text`;
    const [result] = await query(`select count(*)::text as n, coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as h from "${table}" t where ${digestExclusions.rows[table] ?? 'true'}`);
    digest[table] = `${result?.n} rows ${result?.h}`;
  }
  return digest;
}

export type FuzzSite = {
  url: string;
  database: 'postgres' | 'pglite';
  /** Every table's digest (see digestExclusions); with PGlite the server is stopped meanwhile. */
  digest: () => Promise<Record<string, string>>;
  /** Reads the database (setup only: with PGlite the server is stopped meanwhile). */
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  /** What the server wrote to stdout and stderr (for 5xx diagnosis). */
  log: () => string;
  close: () => Promise<void>;
};

/** Migrates and seeds a fresh database, starts the server on it, and resolves once it answers. */
export async function startFuzzSite(): Promise<FuzzSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telehealth-e2e-fuzz-'));
  const database = (await postgresAnswers()) ? 'postgres' : 'pglite';
  const dbName = `fuzz_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const dbUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);
  if (database === 'postgres') await admin(`create database ${dbName}`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dir,
    PGLITE_DIR: path.join(dir, 'pglite'),
    DATABASE_URL: database === 'postgres' ? dbUrl : '',
    POSTGRES_URL: '',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    SEED_DEMO_PASSWORD: demoPassword,
    PUBLIC_URL: '',
    SMTP_URL: '',
    // The cron route exists (and is fuzzed with wrong tokens); no timer writes behind the suite's back.
    CRON_SECRET: randomBytes(24).toString('base64url'),
    OUTBOX_INTERVAL_SECONDS: '0',
    // Each fuzz request may say which connection it is, so flood limits do not end the run early.
    TRUSTED_PROXY_HOPS: '1',
  };
  const setup = spawnSync(process.execPath, [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/setup.ts'], { cwd: repo, env, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`fuzz database setup failed: ${setup.stderr}`);

  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const proc = spawn(process.execPath, [path.join(repo, 'scripts/serve.mjs')], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [proc.stdout, proc.stderr]) stream?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000)));
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
      if (proc.exitCode !== null) throw new Error(`the fuzz server exited with ${proc.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the fuzz server did not answer on ${url}:\n${output}`);
  };
  const stop = async () => {
    // The server and anything it started form one process group, ours to end.
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
    child = null;
  };

  await start();

  const withDb = async <T>(read: (query: Query) => Promise<T>): Promise<T> => {
    if (database === 'postgres') {
      const client = new Client({ connectionString: dbUrl });
      await client.connect();
      try {
        return await read(async (sql) => (await client.query(sql)).rows);
      } finally {
        await client.end();
      }
    }
    await stop();
    const pg = new PGlite(env.PGLITE_DIR);
    try {
      return await read(async (sql) => (await pg.query<Record<string, unknown>>(sql)).rows);
    } finally {
      await pg.close();
      await start();
    }
  };

  const close = async () => {
    await stop();
    if (database === 'postgres') await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, database, digest: () => withDb(digestWith), query: (sql) => withDb((q) => q(sql)), log: () => output, close };
}

async function admin(sql: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A short fingerprint of a whole digest, for the figures line. */
export function fingerprint(digest: Record<string, string>): string {
  return createHash('sha256').update(JSON.stringify(digest)).digest('hex').slice(0, 12);
}
