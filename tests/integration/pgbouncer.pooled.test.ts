// The PostgreSQL runs of the integration suites go through a transaction-mode pooler when
// TEST_DATABASE_POOLED_URL names one (scripts/test.mjs starts PgBouncer): this suite fails if the
// suites' databases bypass it, or if the pooler pools by session (which would hide session state).
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createUser } from '@/db/queries/users';
import { openFreshPostgres } from '../support/databases';

/** PgBouncer's admin console at the host and port a database URL points to; a plain server has no such database. */
async function adminConsole(url: string) {
  const u = new URL(url);
  u.pathname = '/pgbouncer';
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  // The console speaks only the simple query protocol: no parameters.
  const show = async (what: string) => (await client.query<Record<string, string>>(`SHOW ${what}`)).rows;
  return { show, end: () => client.end() };
}

describe('the PostgreSQL suites go through PgBouncer in transaction mode', () => {
  let h: DbHandle & { url: string };
  beforeAll(async () => {
    h = await openFreshPostgres(process.env.TEST_DATABASE_URL!);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("a suite's database URL points at PgBouncer, which pools per transaction", async () => {
    const console = await adminConsole(h.url);
    try {
      const config = await console.show('CONFIG');
      expect(config.find((row) => row.key === 'pool_mode')?.value).toBe('transaction');
    } finally {
      await console.end();
    }
  });

  test("the suite's queries and its migrations were served by a pool for its database", async () => {
    await createUser(h.db, { name: 'Pooled', email: 'pooled@example.com', passwordHash: 'x', profession: 'student' });
    const database = new URL(h.url).pathname.slice(1);
    const console = await adminConsole(h.url);
    try {
      const pools = await console.show('POOLS');
      const pool = pools.find((row) => row.database === database);
      expect(pool?.pool_mode).toBe('transaction');
      const stats = await console.show('STATS');
      // Every statement of the migrations and the insert above counted in PgBouncer's own figures.
      expect(Number(stats.find((row) => row.database === database)?.total_query_count)).toBeGreaterThan(10);
    } finally {
      await console.end();
    }
  });
});
