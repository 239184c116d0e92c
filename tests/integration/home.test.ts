// The signed-in home and the audit-log viewer read through queries that take the acting person:
// a learner's home holds only their own rows, and only an admin reads the audit log.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listAuditLog } from '@/db/queries/audit-log';
import { recordAudit } from '@/db/queries/audit';
import { startOrResumeConsult } from '@/db/queries/consults';
import { recordLessonCompletion } from '@/db/queries/progress';
import { createSession, getSessionUser } from '@/db/queries/sessions';
import { createUser, setOwnProfession } from '@/db/queries/users';
import { getCatalog } from '@/lib/content';
import { learnerHome, staffHome } from '@/lib/services/home';
import { suiteDatabase, testDatabases } from '../support/databases';
import { C4, version } from '../support/shipped-cases';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'home-keys-'));

describe.each(testDatabases)('the signed-in home and the audit log on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  /** A person signed in the way the site does it: a session row, read back as the session user. */
  async function person(role: 'learner' | 'instructor' | 'admin' = 'learner', profession: 'student' | 'doctor' = 'student') {
    n++;
    const user = (await createUser(h.db, { name: `Home Person ${n}`, email: `home-${n}@example.test`, passwordHash: 'x', profession, role }))!;
    const sid = await createSession(h.db, user.id, new Date());
    return (await getSessionUser(h.db, sid, new Date()))!;
  }

  test('a learner continues their own lesson and consult; another learner sees none of it', async () => {
    const catalog = await getCatalog();
    const [sana, other] = [await person(), await person()];
    const first = catalog.modules[0]!;
    const now = new Date();
    await recordLessonCompletion(h.db, sana, { moduleSlug: first.slug, lessonSlug: first.lessons[0]!.slug, contentHash: 'h', at: new Date(now.getTime() - 60_000) });
    const { attempt } = await startOrResumeConsult(h.db, sana, version(C4), now);

    const home = await learnerHome(h.db, sana, catalog, new Date(now.getTime() + 1000));
    expect(home.resume[0]).toMatchObject({ kind: 'consult', caseId: C4, attemptId: attempt.id });
    expect(home.resume[1]).toMatchObject({ kind: 'lesson', moduleSlug: first.slug, lessonSlug: first.lessons[1]!.slug });
    expect(home.programmes.length).toBeGreaterThan(0);

    const theirs = await learnerHome(h.db, other, catalog, new Date());
    expect(theirs.resume).toEqual([{ kind: 'lesson', moduleSlug: first.slug, lessonSlug: first.lessons[0]!.slug, at: null }]);
    expect(theirs.results).toEqual([]);
    expect(theirs.lessonsDone).toBe(0);
  });

  test('choosing a programme changes only one’s own profession', async () => {
    const [a, b] = [await person('learner', 'student'), await person('learner', 'student')];
    await setOwnProfession(h.db, a, 'doctor');
    const sid = await createSession(h.db, b.id, new Date());
    expect((await getSessionUser(h.db, sid, new Date()))!.profession).toBe('student');
    const sidA = await createSession(h.db, a.id, new Date());
    expect((await getSessionUser(h.db, sidA, new Date()))!.profession).toBe('doctor');
  });

  test('staff get their cohorts at a glance; a learner gets none', async () => {
    const catalog = await getCatalog();
    expect(await staffHome(h.db, await person(), catalog, new Date())).toBeNull();
    const staff = await staffHome(h.db, await person('instructor'), catalog, new Date());
    expect(staff).toEqual({ total: 0, cohorts: [] });
  });

  test('the audit log: admins only, filtered by who, action prefix and day, newest first', async () => {
    const [admin, learner] = [await person('admin'), await person()];
    await recordAudit(h.db, { actorId: admin.id, action: 'user.role_changed', subjectType: 'user', subjectId: learner.id, detail: { from: 'learner', to: 'instructor' } });
    await recordAudit(h.db, { actorId: learner.id, action: 'cohort.join_failed', subjectType: 'cohort' });
    await expect(listAuditLog(h.db, learner)).rejects.toMatchObject({ code: 'forbidden' });

    const byAction = await listAuditLog(h.db, admin, { action: 'user.' });
    expect(byAction.rows.map((r) => r.action)).toContain('user.role_changed');
    expect(byAction.rows.map((r) => r.action)).not.toContain('cohort.join_failed');
    // Creating the account is itself audited, with the new person as the actor.
    const byActor = await listAuditLog(h.db, admin, { actor: learner.email });
    expect(byActor.rows.map((r) => r.action)).toEqual(['cohort.join_failed', 'user.created']);
    // A wildcard typed into the filter is a character, not a pattern.
    expect((await listAuditLog(h.db, admin, { actor: '%' })).total).toBe(0);
    const today = new Date(new Date().toISOString().slice(0, 10));
    expect((await listAuditLog(h.db, admin, { actor: learner.email, action: 'cohort.', from: today, to: today })).total).toBe(1);
    const tomorrow = new Date(today.getTime() + 86_400_000);
    expect((await listAuditLog(h.db, admin, { actor: learner.email, from: tomorrow })).total).toBe(0);
    const paged = await listAuditLog(h.db, admin, { pageSize: 1, page: 2 });
    expect(paged.rows).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(2);
  });
});
