import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { createSession, deleteUserSessions, getSessionUser } from '@/db/queries/sessions';
import { recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { hashPassword } from '@/lib/auth/password';
import { signInPolicy } from '@/lib/domain/sign-in';
import { attemptSignIn } from '@/lib/services/sign-in';
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
    await expect(changeUserRole(h.db, admin, admin.id, 'learner')).rejects.toMatchObject({ code: 'conflict', userMessage: expect.stringContaining('only admin account') });
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

  test('sessions end after their role’s idle time: a learner’s after 7 days unused, staff after 30 minutes; use keeps them alive', async () => {
    const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);
    const admin = (await listUsers(h.db, { id: 'x', role: 'admin' }, { query: 'admin1' })).rows[0]!;
    const learner = (await createUser(h.db, newUser('idle-learner@example.com')))!;
    const staff = (await createUser(h.db, newUser('idle-staff@example.com')))!;
    await changeUserRole(h.db, admin, staff.id, 'instructor');
    const t0 = new Date();
    const learnerToken = await createSession(h.db, learner.id, t0);
    const staffToken = await createSession(h.db, staff.id, t0);

    // Staff: used every 20 minutes, the session lives on (past 30 minutes in all)…
    for (const m of [20, 40, 60]) expect((await getSessionUser(h.db, staffToken, minutes(m, t0)))?.id).toBe(staff.id);
    // …left 40 minutes, it has ended, and stays ended.
    expect(await getSessionUser(h.db, staffToken, minutes(100, t0))).toBeNull();
    expect(await getSessionUser(h.db, staffToken, minutes(61, t0))).toBeNull();

    // A learner away for 6 days is still signed in; 8 days later, not.
    expect((await getSessionUser(h.db, learnerToken, minutes(6 * 1440, t0)))?.id).toBe(learner.id);
    expect(await getSessionUser(h.db, learnerToken, minutes(14 * 1440 + 1, t0))).toBeNull();
  });

  test('a staff session ends 12 hours after sign-in however busy; promotion to staff applies the shorter limits at once', async () => {
    const admin = (await listUsers(h.db, { id: 'x', role: 'admin' }, { query: 'admin1' })).rows[0]!;
    const busy = (await createUser(h.db, newUser('busy-staff@example.com')))!;
    await changeUserRole(h.db, admin, busy.id, 'admin');
    const t0 = new Date();
    const token = await createSession(h.db, busy.id, t0);
    for (let m = 10; m < 12 * 60; m += 10) expect(await getSessionUser(h.db, token, new Date(t0.getTime() + m * 60_000)), `minute ${m}`).not.toBeNull();
    expect(await getSessionUser(h.db, token, new Date(t0.getTime() + 12 * 3_600_000))).toBeNull();

    const promoted = (await createUser(h.db, newUser('promoted@example.com')))!;
    const learnerToken = await createSession(h.db, promoted.id, t0);
    expect(await getSessionUser(h.db, learnerToken, new Date(t0.getTime() + 3 * 3_600_000))).not.toBeNull();
    await changeUserRole(h.db, admin, promoted.id, 'instructor');
    // Three hours into the session, unused for the last 3 hours: as an instructor it has ended.
    expect(await getSessionUser(h.db, learnerToken, new Date(t0.getTime() + 3 * 3_600_000 + 60 * 60_000))).toBeNull();
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

  test("an attacker's failures from one address do not stop the owner signing in from another; that address is refused", async () => {
    const hash = await hashPassword('the-owners-password-1');
    await createUser(h.db, { ...newUser('owner@example.com'), passwordHash: hash });
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const tryFrom = (ip: string, password: string) => attemptSignIn(h.db, { email: 'owner@example.com', password, ip }, new Date(), sleep);
    for (let i = 0; i < signInPolicy.perAccountFromAddress; i++) expect(await tryFrom('198.51.100.66', `guess-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    // The attacker's address is refused now, even with the right password.
    expect(await tryFrom('198.51.100.66', 'the-owners-password-1')).toEqual({ ok: false, reason: 'rate_limited' });
    // The owner, from their own connection, gets in (after a short wait while the account is under attack).
    expect(await tryFrom('203.0.113.5', 'the-owners-password-1')).toMatchObject({ ok: true, user: { email: 'owner@example.com' } });
    expect(slept).toEqual([250]);
  });

  test('guessing spread over many addresses is slowed, never refused; an address failing across accounts is refused', async () => {
    await createUser(h.db, { ...newUser('target@example.com'), passwordHash: await hashPassword('target-password-1') });
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    for (let i = 0; i < 8; i++) await attemptSignIn(h.db, { email: 'target@example.com', password: `wrong-${i}`, ip: `10.0.${i}.1` }, new Date(), sleep);
    expect(slept).toEqual([0, 0, 0, 0, 0, 250, 500, 1000].filter((ms) => ms > 0));
    expect(await attemptSignIn(h.db, { email: 'target@example.com', password: 'target-password-1', ip: '10.9.9.9' }, new Date(), sleep)).toMatchObject({ ok: true });
    for (let i = 0; i < signInPolicy.perAddress; i++) await recordSignInAttempt(h.db, { email: `spray${i}@example.com`, ip: '192.0.2.7', succeeded: false, at: new Date() });
    expect(await attemptSignIn(h.db, { email: 'target@example.com', password: 'target-password-1', ip: '192.0.2.7' }, new Date(), sleep)).toEqual({ ok: false, reason: 'rate_limited' });
    // The window passes: the address may try again.
    const later = new Date(Date.now() + (signInPolicy.windowMinutes + 1) * 60_000);
    expect(await attemptSignIn(h.db, { email: 'target@example.com', password: 'target-password-1', ip: '192.0.2.7' }, later, sleep)).toMatchObject({ ok: true });
  });

  test('the audit log refuses updates and deletes', async () => {
    expect(await databaseError(h.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(await databaseError(h.db.delete(auditLog))).toMatch(/append-only/);
    const [row] = await h.db.select().from(auditLog).limit(1);
    expect(row?.action).not.toBe('tampered');
  });
});
