// The databases every integration suite runs against: an in-memory PGlite always, and a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL when it is set (dropped afterwards).
// When TEST_DATABASE_POOLED_URL names a transaction-mode pooler in front of that server (scripts/test.mjs
// starts PgBouncer), the suites migrate and query through it, as a serverless deployment does; only
// creating and dropping the database goes to the server directly.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Db, type DbHandle, openDb } from '@/db/client';

export type TestDatabase = { name: string; open: () => Promise<DbHandle> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a throw-away database on the server, migrated; closing the handle drops it. */
export async function openFreshPostgres(serverUrl: string, driver: 'pg' | 'vercel' = 'pg', host?: string): Promise<DbHandle & { url: string }> {
  const name = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const pooled = process.env.TEST_DATABASE_POOLED_URL;
  let url = withDatabase(driver === 'pg' && pooled ? pooled : serverUrl, name);
  if (host) {
    const u = new URL(url);
    u.hostname = host;
    url = u.toString();
  }
  const handle = openDb(driver === 'pg' ? { driver: 'pg', url } : { driver: 'vercel', url });
  await handle.migrate();
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export const testDatabases: TestDatabase[] = [
  {
    name: 'PGlite',
    open: async () => {
      const handle = openDb({ driver: 'pglite', dataDir: null });
      await handle.migrate();
      return handle;
    },
  },
];

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) testDatabases.push({ name: 'PostgreSQL', open: () => openFreshPostgres(serverUrl) });

/**
 * The suite's database: opened before its tests and closed after them. `h.db` is the database
 * inside the tests (and the hooks that run after this one).
 */
export function suiteDatabase(open: () => Promise<DbHandle>): { readonly db: Db } {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    get db() {
      if (!handle) throw new Error('The suite database is opened in beforeAll: use it inside tests.');
      return handle.db;
    },
  };
}

/** The database's own message behind a failed query (drizzle wraps it in a query error). */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return `${error instanceof Error ? error.message : String(error)} | ${cause}`;
  }
  return 'no error';
}
