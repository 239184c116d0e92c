import 'server-only';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleVercel } from 'drizzle-orm/vercel-postgres';
import { migrate as migrateVercel } from 'drizzle-orm/vercel-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { createPool } from '@vercel/postgres';
import * as schema from './schema';
import { serverEnv } from '@/lib/env';

/** The one database type every query is written against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbConfig =
  | { driver: 'pglite'; dataDir: string | null }
  | { driver: 'pg'; url: string; poolMax?: number }
  | { driver: 'vercel'; url: string; poolMax?: number };

export type DbHandle = { db: Db; driver: DbConfig['driver']; migrate: () => Promise<void>; close: () => Promise<void> };

/**
 * Where migrations run: the direct URL when one is given (as Neon advises for schema changes),
 * otherwise the configured database. drizzle's migrator keeps no session state and takes no
 * session lock, so it also works through a transaction-mode pooler (the test suites migrate so).
 */
export function migrationConfigFromEnv(): DbConfig {
  const direct = serverEnv().DATABASE_URL_DIRECT;
  return direct ? { driver: 'pg', url: direct } : configFromEnv();
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Chooses the driver from configuration: DATABASE_URL → node-postgres, POSTGRES_URL → @vercel/postgres, else PGlite. */
export function configFromEnv(): DbConfig {
  const env = serverEnv();
  if (env.DATABASE_URL) return { driver: 'pg', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX };
  if (env.POSTGRES_URL) return { driver: 'vercel', url: env.POSTGRES_URL, poolMax: env.DATABASE_POOL_MAX };
  return { driver: 'pglite', dataDir: env.pgliteDir };
}

/**
 * An idle pooled connection was closed by the server (a restart, a failover, an administrator):
 * the pool drops it and opens another on the next query. Without this listener node-postgres
 * would throw the error and bring the whole server down.
 */
function onIdleClientError(error: Error) {
  console.error(`[db] an idle database connection was closed: ${error.message}`);
}

/** Opens a database. `dataDir: null` gives an in-memory PGlite (tests). */
export function openDb(config: DbConfig): DbHandle {
  switch (config.driver) {
    case 'pglite': {
      if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
      const client = new PGlite(config.dataDir ?? undefined);
      const db = drizzlePglite(client, { schema });
      return {
        db,
        driver: 'pglite',
        migrate: () => migratePglite(db, { migrationsFolder }),
        close: () => client.close(),
      };
    }
    case 'pg': {
      const pool = new Pool({ connectionString: config.url, max: config.poolMax ?? 10 });
      pool.on('error', onIdleClientError);
      const db = drizzlePg(pool, { schema });
      return { db, driver: 'pg', migrate: () => migratePg(db, { migrationsFolder }), close: () => pool.end() };
    }
    case 'vercel': {
      const pool = createPool({ connectionString: config.url, ...(config.poolMax ? { max: config.poolMax } : {}) });
      pool.on('error', onIdleClientError);
      const db = drizzleVercel(pool, { schema });
      return { db, driver: 'vercel', migrate: () => migrateVercel(db, { migrationsFolder }), close: () => pool.end() };
    }
    default: {
      const unknown: never = config;
      throw new Error(`Unknown database driver: ${JSON.stringify(unknown)}`);
    }
  }
}

const globalForDb = globalThis as typeof globalThis & { __telehealthDb?: DbHandle };

/** The process-wide database, opened lazily on first use (never during `next build`). */
export function getDb(): Db {
  globalForDb.__telehealthDb ??= openDb(configFromEnv());
  return globalForDb.__telehealthDb.db;
}

/** Replaces the process-wide database (tests use this to point queries at a throw-away database). */
export function setDbForTests(handle: DbHandle | undefined): void {
  globalForDb.__telehealthDb = handle;
}
