import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { createSession, deleteUserSessions, getSessionUser } from '@/db/queries/sessions';
import { isSignInThrottled, recordSignInAttempt, signInLimits } from '@/db/queries/sign-in-attempts';
import { changeUserRole, createUser, listUsers, updateOwnProfile } from '@/db/queries/users';
import { auditLog } from '@/db/schema';
import { databaseError, suiteDatabase, testDatabases } from '../support/databases';

describe.each(testDatabases)('accounts on $name', ({ open }) => {
  const h = suiteDatabase(open);

  const newUser = (email: string) => ({ name: 'Test Person', email, passwordHash: 'x', profession: 'student' as const });

  test('a new account is a learner, its email is stored lower-case, and creating it is audited', async () => {
    const user = await createUser(h.db, newUser('Sana@Example.com'));
    expect(user).toMatchObject({ email: 'sana@example.com', role: 'learner' });
    const audit = await listAuditFor(h.db, 'user', user!.id);
    expect(audit.map((a) => a.action)).toEqual(['user.created']);
  });

  test('a second account with the same email is refused and changes nothing', async () => {
    const again = await createUser(h.db, newUser('SANA@example.com'));
    expect(again).toBeNull();
  });

  test('only an admin can list users or change a role; the change is audited', async () => {
    const learner = (await createUser(h.db, newUser('learner1@example.com')))!;
    const admin = (await createUser(h.db, { ...newUser('admin1@example.com'), role: 'admin' }))!;
    await expect(listUsers(h.db, learner)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeUserRole(h.db, learner, learner.id, 'admin')).rejects.toMatchObject({ code: 'forbidden' });

    const result = await changeUserRole(h.db, admin, learner.id, 'instructor');
    expect(result).toEqual({ changed: true, role: 'instructor' });
    const audit = await listAuditFor(h.db, 'user', learner.id);
    expect(audit[0]).toMatchObject({ action: 'user.role_changed', actorId: admin.id, detail: { from: 'learner', to: 'instructor' } });
    const listed = await listUsers(h.db, admin, { query: 'learner1' });
    expect(listed.rows.map((r) => [r.email, r.role])).toEqual([['learner1@example.com', 'instructor']]);
  });

  test('the last admin cannot be demoted', async () => {
    const only = await listUsers(h.db, { id: 'x', role: 'admin' }, { query: 'admin1' });
    const admin = only.rows[0]!;
    await expect(changeUserRole(h.db, admin, admin.id, 'learner')).rejects.toMatchObject({ code: 'conflict' });
  });

  test('a session reflects a role change at once and ends when revoked', async () => {
    const user = (await createUser(h.db, newUser('session@example.com')))!;
    const admin = (await listUsers(h.db, { id: 'x', role: 'admin' }, { query: 'admin1' })).rows[0]!;
    const now = new Date();
    const token = await createSession(h.db, user.id, now);
    expect((await getSessionUser(h.db, token, now))?.role).toBe('learner');
    await changeUserRole(h.db, admin, user.id, 'instructor');
    expect((await getSessionUser(h.db, token, now))?.role).toBe('instructor');
    expect(await deleteUserSessions(h.db, user.id)).toBe(1);
    expect(await getSessionUser(h.db, token, now)).toBeNull();
  });

  test('an expired session is not a session', async () => {
    const user = (await createUser(h.db, newUser('expired@example.com')))!;
    const long = new Date('2020-01-01T00:00:00Z');
    const token = await createSession(h.db, user.id, long);
    expect(await getSessionUser(h.db, token, new Date())).toBeNull();
  });

  test('a profile update changes only the acting user', async () => {
    const a = (await createUser(h.db, newUser('a@example.com')))!;
    const b = (await createUser(h.db, newUser('b@example.com')))!;
    await updateOwnProfile(h.db, a, { name: 'Dr A', profession: 'doctor', institution: 'DUHS', registrationNumber: '12345-S' });
    const admin = { id: 'x', role: 'admin' as const };
    const rows = (await listUsers(h.db, admin, { query: '@example.com', pageSize: 100 })).rows;
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ name: 'Dr A', profession: 'doctor', registrationNumber: '12345-S' });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ name: 'Test Person', profession: 'student' });
  });

  test(`sign-in is refused after ${signInLimits.perAccount} failures for an account, and only for that account`, async () => {
    const now = new Date();
    for (let i = 0; i < signInLimits.perAccount - 1; i++) {
      await recordSignInAttempt(h.db, { email: 'victim@example.com', ip: `10.0.0.${i}`, succeeded: false, at: now });
    }
    expect(await isSignInThrottled(h.db, 'victim@example.com', '10.9.9.9', now)).toBe(false);
    await recordSignInAttempt(h.db, { email: 'victim@example.com', ip: '10.0.0.99', succeeded: false, at: now });
    expect(await isSignInThrottled(h.db, 'victim@example.com', '10.9.9.9', now)).toBe(true);
    expect(await isSignInThrottled(h.db, 'other@example.com', '10.9.9.9', now)).toBe(false);
    const later = new Date(now.getTime() + (signInLimits.windowMinutes + 1) * 60_000);
    expect(await isSignInThrottled(h.db, 'victim@example.com', '10.9.9.9', later)).toBe(false);
  });

  test(`sign-in is refused from an address after ${signInLimits.perAddress} failures across accounts`, async () => {
    const now = new Date();
    for (let i = 0; i < signInLimits.perAddress; i++) {
      await recordSignInAttempt(h.db, { email: `spray${i}@example.com`, ip: '192.0.2.7', succeeded: false, at: now });
    }
    expect(await isSignInThrottled(h.db, 'fresh@example.com', '192.0.2.7', now)).toBe(true);
    expect(await isSignInThrottled(h.db, 'fresh@example.com', '192.0.2.8', now)).toBe(false);
  });

  test('the audit log refuses updates and deletes', async () => {
    expect(await databaseError(h.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(await databaseError(h.db.delete(auditLog))).toMatch(/append-only/);
    const [row] = await h.db.select().from(auditLog).limit(1);
    expect(row?.action).not.toBe('tampered');
  });
});
