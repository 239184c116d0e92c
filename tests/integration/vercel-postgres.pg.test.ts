// The driver a Vercel deployment uses, exercised against the local PostgreSQL server.
// Runs only when TEST_DATABASE_URL names one (vitest.config.ts leaves *.pg.test.ts out otherwise).
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DbHandle } from '@/db/client';
import { changeUserRole, createUser, listUsers } from '@/db/queries/users';
import { auditLog } from '@/db/schema';
import { openFreshPostgres } from '../support/databases';
import { type Relay, routeVercelPostgresThrough, startRelay } from '../support/ws-relay';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('@vercel/postgres through a WebSocket relay', () => {
  let relay: Relay;
  let h: DbHandle;
  beforeAll(async () => {
    const target = new URL(serverUrl!);
    relay = await startRelay({ host: target.hostname, port: Number(target.port || 5432) });
    await routeVercelPostgresThrough(relay);
    h = await openFreshPostgres(serverUrl!, 'vercel', 'localhost');
  });
  afterAll(async () => {
    await h?.close();
    await relay?.close();
  });

  test('migrations ran and the driver is the Vercel one', async () => {
    expect(h.driver).toBe('vercel');
    const [row] = await h.db.select({ n: count() }).from(auditLog);
    expect(row).toEqual({ n: 0 });
  });

  test('accounts, a transaction and an audited role change work over it', async () => {
    const admin = (await createUser(h.db, { name: 'Admin', email: 'admin@v.test', passwordHash: 'x', profession: 'other', role: 'admin' }))!;
    const learner = (await createUser(h.db, { name: 'Learner', email: 'learner@v.test', passwordHash: 'x', profession: 'student' }))!;
    await changeUserRole(h.db, admin, learner.id, 'instructor');
    const listed = await listUsers(h.db, admin, { query: 'learner@v.test' });
    expect(listed.rows[0]?.role).toBe('instructor');
  });
});
