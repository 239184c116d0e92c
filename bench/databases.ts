// The databases a run measures: a throw-away PGlite folder, and (when a PostgreSQL URL is given) a
// fresh database created on that server for this run and dropped afterwards. Never an existing one.
import path from 'node:path';
import pg from 'pg';
import type { DbConfig } from '@/db/client';
import { defer, tempDir } from './cleanup';
import type { Env } from './proc';

export type Target = {
  name: 'PGlite' | 'PostgreSQL';
  /** The environment every child process of this target gets (scripts and the server). */
  env: Env;
  /** The same database, for opening it in this process. */
  config: DbConfig;
};

/** PGlite in a new temporary DATA_DIR (DATABASE_URL and POSTGRES_URL cleared so nothing else is chosen). */
export function pgliteTarget(base: Env): Target {
  const dataDir = tempDir('bench-pglite-');
  const pgliteDir = path.join(dataDir, 'pglite');
  return { name: 'PGlite', env: { ...base, DATA_DIR: dataDir, PGLITE_DIR: pgliteDir, DATABASE_URL: '', POSTGRES_URL: '' }, config: { driver: 'pglite', dataDir: pgliteDir } };
}

/** Runs one statement on the server's maintenance database named in `serverUrl`. */
async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates `bench_<time>_<random>` on the server of `serverUrl`, dropped (connections and all) at cleanup. */
export async function postgresTarget(base: Env, serverUrl: string): Promise<Target> {
  const name = `bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${Math.random().toString(36).slice(2, 6)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  defer(() => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = tempDir('bench-pg-');
  return { name: 'PostgreSQL', env: { ...base, DATA_DIR: dataDir, DATABASE_URL: url.toString(), POSTGRES_URL: '' }, config: { driver: 'pg', url: url.toString() } };
}
