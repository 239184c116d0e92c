import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { addCoTeacher, cohortTeachers, removeCoTeacher } from '@/db/queries/cohort-staff';
import { createCohort, getCohortForStaff, listStaffCohorts } from '@/db/queries/cohorts';
import {
  appointStaff,
  createInstitution,
  institutionFor,
  listInstitutions,
  listStaff,
  mergeInstitutions,
  removeStaff,
  staffScope,
  updateInstitution,
} from '@/db/queries/institutions';
import { createUser } from '@/db/queries/users';
import { type Role, cohortStaff, cohorts, institutions, users } from '@/db/schema';
import { runsCohort } from '@/lib/domain/institutions';
import { suiteDatabase, testDatabases } from '../support/databases';

const day = 86_400_000;

describe.each(testDatabases)('institutions on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let n = 0;
  async function person(role: Role = 'learner') {
    const i = ++n;
    const created = await createUser(h.db, { name: `Person ${i}`, email: `person.${i}.${Date.now()}@college.example`, passwordHash: 'x', profession: 'doctor', role });
    return { ...created!, role };
  }
  const fields = (name: string) => ({ name, shortName: name.slice(0, 4), country: 'Pakistan', province: 'Sindh', emailDomain: null });
  const actor = async (id: string) => {
    const [row] = await h.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, id));
    return row!;
  };

  async function twoColleges() {
    const platform = await person('admin');
    const a = await createInstitution(h.db, platform, fields(`College A ${++n}`));
    const b = await createInstitution(h.db, platform, fields(`College B ${++n}`));
    const [adminA, adminB] = [await person(), await person()];
    expect(await appointStaff(h.db, platform, a.id, adminA.email, 'admin')).toBe('appointed');
    expect(await appointStaff(h.db, platform, b.id, adminB.email, 'admin')).toBe('appointed');
    return { platform, a, b, adminA: await actor(adminA.id), adminB: await actor(adminB.id) };
  }

  test('only a platform admin creates an institution; a taken name is refused; every step is audited', async () => {
    const { platform, a, adminA } = await twoColleges();
    await expect(createInstitution(h.db, adminA, fields('College C'))).rejects.toMatchObject({ code: 'forbidden' });
    const [row] = await h.db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, a.id));
    await expect(createInstitution(h.db, platform, fields(row!.name))).rejects.toMatchObject({ code: 'conflict' });
    expect((await listAuditFor(h.db, 'institution', a.id)).map((e) => e.action).sort()).toEqual(['institution.created', 'institution.staff.appointed']);
    // Appointing a learner account makes it a staff account.
    expect(adminA.role).toBe('instructor');
  });

  test('an institution admin manages their own staff and cohorts, and everything of another institution is not found', async () => {
    const { a, b, adminA, adminB } = await twoColleges();
    const teacher = await person();
    expect(await appointStaff(h.db, adminA, a.id, teacher.email, 'instructor')).toBe('appointed');
    expect(await appointStaff(h.db, adminA, a.id, 'nobody@nowhere.example', 'viewer')).toBe('no-account');
    const teacherA = await actor(teacher.id);
    const cohort = await createCohort(h.db, teacherA, { name: 'MBBS 4', institutionId: a.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + 60 * day) });
    // A's admin runs every cohort of A; B's admin sees nothing of A.
    expect((await getCohortForStaff(h.db, adminA, cohort.id)).id).toBe(cohort.id);
    await expect(getCohortForStaff(h.db, adminB, cohort.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listStaffCohorts(h.db, adminB)).map((c) => c.id)).not.toContain(cohort.id);
    for (const attempt of [
      () => institutionFor(h.db, adminB, a.id, 'read-dashboard'),
      () => listStaff(h.db, adminB, a.id),
      () => appointStaff(h.db, adminB, a.id, teacher.email, 'admin'),
      () => removeStaff(h.db, adminB, a.id, teacher.id),
      () => updateInstitution(h.db, adminB, a.id, { ...fields('Taken over'), signatoryName: null, signatoryTitle: null }),
      () => createCohort(h.db, adminB, { name: 'Intruder', institutionId: a.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + day) }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await listStaff(h.db, adminA, a.id)).map((s) => s.role).sort()).toEqual(['admin', 'instructor']);
    expect((await listInstitutions(h.db, adminA)).map((i) => i.id)).toEqual([a.id]);
    expect((await listInstitutions(h.db, adminB)).map((i) => i.id)).toEqual([b.id]);
  });

  test('a viewer reads the dashboard and changes nothing; an instructor may not appoint', async () => {
    const { a, adminA } = await twoColleges();
    const [dean, teacher] = [await person(), await person()];
    await appointStaff(h.db, adminA, a.id, dean.email, 'viewer');
    await appointStaff(h.db, adminA, a.id, teacher.email, 'instructor');
    const [deanA, teacherA] = [await actor(dean.id), await actor(teacher.id)];
    expect((await institutionFor(h.db, deanA, a.id, 'read-dashboard')).id).toBe(a.id);
    await expect(createCohort(h.db, deanA, { name: 'No', institutionId: a.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + day) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(appointStaff(h.db, teacherA, a.id, dean.email, 'admin')).rejects.toMatchObject({ code: 'not_found' });
    await expect(listStaff(h.db, deanA, a.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('the last admin cannot step down alone; a removed instructor loses their own cohorts; co-teachers run them', async () => {
    const { platform, a, adminA } = await twoColleges();
    expect(await appointStaff(h.db, adminA, a.id, (await h.db.select().from(users).where(eq(users.id, adminA.id)))[0]!.email, 'viewer')).toBe('last-admin');
    expect(await removeStaff(h.db, adminA, a.id, adminA.id)).toBe('last-admin');
    const [owner, colleague] = [await person(), await person()];
    await appointStaff(h.db, adminA, a.id, owner.email, 'instructor');
    await appointStaff(h.db, adminA, a.id, colleague.email, 'instructor');
    const [ownerA, colleagueA] = [await actor(owner.id), await actor(colleague.id)];
    const cohort = await createCohort(h.db, ownerA, { name: 'Shared', institutionId: a.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + 60 * day) });
    await expect(getCohortForStaff(h.db, colleagueA, cohort.id)).rejects.toMatchObject({ code: 'not_found' });
    await h.db.insert(cohortStaff).values({ cohortId: cohort.id, userId: colleague.id, addedBy: owner.id });
    expect((await getCohortForStaff(h.db, colleagueA, cohort.id)).id).toBe(cohort.id);
    expect(await removeStaff(h.db, adminA, a.id, owner.id)).toBe('removed');
    await expect(getCohortForStaff(h.db, ownerA, cohort.id)).rejects.toMatchObject({ code: 'not_found' });
    // The query and the pure rule agree for each person.
    for (const who of [ownerA, colleagueA, adminA, platform]) {
      const inQuery = (await listStaffCohorts(h.db, who)).some((c) => c.id === cohort.id);
      const byRule = runsCohort(await staffScope(h.db, who), cohort, who.id, who.id === colleague.id);
      expect(inQuery, who.id).toBe(byRule);
    }
  });

  test('co-teachers: added only from the same institution’s instructors, audited, and removable', async () => {
    const { a, b, adminA, adminB } = await twoColleges();
    const [owner, colleague, outsider] = [await person(), await person(), await person()];
    await appointStaff(h.db, adminA, a.id, owner.email, 'instructor');
    await appointStaff(h.db, adminA, a.id, colleague.email, 'instructor');
    await appointStaff(h.db, adminB, b.id, outsider.email, 'instructor');
    const [ownerA, colleagueA] = [await actor(owner.id), await actor(colleague.id)];
    const cohort = await createCohort(h.db, ownerA, { name: 'Co-taught', institutionId: a.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + day) });
    expect(await addCoTeacher(h.db, ownerA, cohort.id, outsider.email)).toBe('not-staff');
    expect(await addCoTeacher(h.db, ownerA, cohort.id, 'nobody@nowhere.example')).toBe('no-account');
    expect(await addCoTeacher(h.db, ownerA, cohort.id, owner.email)).toBe('already');
    expect(await addCoTeacher(h.db, ownerA, cohort.id, colleague.email)).toBe('added');
    expect(await addCoTeacher(h.db, ownerA, cohort.id, colleague.email)).toBe('already');
    expect((await cohortTeachers(h.db, colleagueA, cohort.id)).coTeachers.map((t) => t.id)).toEqual([colleague.id]);
    await expect(addCoTeacher(h.db, adminB, cohort.id, outsider.email)).rejects.toMatchObject({ code: 'not_found' });
    expect(await removeCoTeacher(h.db, ownerA, cohort.id, colleague.id)).toBe(true);
    await expect(getCohortForStaff(h.db, colleagueA, cohort.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAuditFor(h.db, 'cohort', cohort.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['cohort.co_teacher.added', 'cohort.co_teacher.removed']));
  });

  test('a platform admin merges a near-duplicate: cohorts and staff move, the duplicate is no longer listed', async () => {
    const { platform, a, b, adminB } = await twoColleges();
    const cohort = await createCohort(h.db, adminB, { name: 'Moved', institutionId: b.id, programmeId: 'readiness-students', dueDate: new Date(Date.now() + day) });
    await expect(mergeInstitutions(h.db, adminB, b.id, a.id)).rejects.toMatchObject({ code: 'forbidden' });
    await mergeInstitutions(h.db, platform, b.id, a.id);
    const [moved] = await h.db.select({ institutionId: cohorts.institutionId }).from(cohorts).where(eq(cohorts.id, cohort.id));
    expect(moved!.institutionId).toBe(a.id);
    expect((await listInstitutions(h.db, platform)).map((i) => i.id)).not.toContain(b.id);
    expect((await staffScope(h.db, adminB)).at.get(a.id)).toBe('admin');
    await expect(institutionFor(h.db, platform, b.id, 'read-dashboard')).rejects.toMatchObject({ code: 'not_found' });
  });
});
