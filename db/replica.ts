import 'server-only';
import { serverEnv } from '@/lib/env';
import { type Db, type DbConfig, type DbHandle, configFromEnv, getDb, openDb } from './client';
import { primaryOf } from './writer';

// Dashboards and exports read many rows and may lag the primary by a moment: at national scale they
// go to a read replica when DATABASE_REPLICA_URL names one, so they never slow down the writes of
// learners taking quizzes. Everything else (and every write) stays on getDb().

/** Methods that write or open a transaction; a replica handle refuses them before anything is sent. */
const writes = new Set<PropertyKey>(['insert', 'update', 'delete', 'transaction', 'refreshMaterializedView']);

export class ReplicaWriteError extends Error {
  constructor(method: string) {
    super(`The read replica cannot ${method}: writes go through getDb(), never readDb().`);
    this.name = 'ReplicaWriteError';
  }
}

/**
 * The same database API with its write builders refused. Raw `execute` stays (the dashboards read
 * with it); a write sent that way is refused by the replica itself, which is read-only (a hot
 * standby, or a read-only role or connection: see the README).
 */
export function readOnly(db: Db, primary?: () => Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      // The readiness rollup's write-back (db/writer.ts) goes to the primary, never here.
      if (property === primaryOf) return primary;
      if (writes.has(property)) throw new ReplicaWriteError(String(property));
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The replica's connection settings, with the primary's driver; null when there is no replica. */
export function replicaConfigFromEnv(): DbConfig | null {
  const { DATABASE_REPLICA_URL: url, DATABASE_POOL_MAX: poolMax } = serverEnv();
  if (!url) return null;
  return { driver: configFromEnv().driver === 'vercel' ? 'vercel' : 'pg', url, poolMax };
}

const globalForReplica = globalThis as typeof globalThis & { __telehealthReplica?: { handle: DbHandle; db: Db } | null };

function replica(): Db | null {
  if (globalForReplica.__telehealthReplica === undefined) {
    const config = replicaConfigFromEnv();
    const handle = config ? openDb(config) : null;
    globalForReplica.__telehealthReplica = handle ? { handle, db: readOnly(handle.db, getDb) } : null;
  }
  return globalForReplica.__telehealthReplica?.db ?? null;
}

/** Where dashboard and export reads go: the replica when one is configured, otherwise the one database. */
export function readDb(): Db {
  return replica() ?? getDb();
}

/** Points readDb() at a throw-away replica handle in tests, writing back to `primary` (undefined: back to the configuration). */
export function setReplicaForTests(handle: DbHandle | undefined, primary?: Db): void {
  globalForReplica.__telehealthReplica = handle ? { handle, db: readOnly(handle.db, primary ? () => primary : undefined) } : undefined;
}
