import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { changeCertificateStatus, getPublicCertificate } from '@/db/queries/certificates';
import { formerMembers } from '@/db/queries/cohorts';
import { rowsOf } from '@/db/queries/privacy';
import { createUser } from '@/db/queries/users';
import { exportZip } from '@/lib/privacy/export-shape';
import { deletedLearnerName } from '@/lib/privacy/registry';
import { runMaintenance } from '@/lib/services/maintenance';
import { accountDeletedReason, collectPersonalData, requestAccountDeletion } from '@/lib/services/privacy';
import { attemptSignIn } from '@/lib/services/sign-in';
import type { Db } from '@/db/client';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { type Person, seedCohort, seedPerson } from '../support/privacy-fixture';

const now = new Date('2026-03-01T09:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

/** Every text-like column of every table, and how many of its values contain `needle` (case-insensitive). */
async function occurrences(db: Db, needle: string): Promise<string[]> {
  const columns = rowsOf(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`),
  );
  const found: string[] = [];
  for (const c of columns) {
    const [table, column] = [String(c.table_name), String(c.column_name)];
    const result = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where strpos(lower(${sql.identifier(column)}::text), ${needle.toLowerCase()}) > 0`));
    if (Number(result[0]?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe.each(testDatabases)('your data, export and delete, on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let a: Person;
  let b: Person;
  let instructor: { id: string; role: 'instructor' };
  let cohortId: string;

  test('a learner’s export holds their rows in every part, and none of another learner’s', async () => {
    const owner = (await createUser(h.db, { name: 'Dr Instructor', email: 'instructor@privacy.test', passwordHash: 'x', profession: 'doctor', role: 'instructor' }))!;
    instructor = { id: owner.id, role: 'instructor' };
    cohortId = await seedCohort(h.db, owner.id, await staffAt(h.db, 'Privacy College', owner.id));
    a = await seedPerson(h.db, 'a', cohortId, now);
    b = await seedPerson(h.db, 'b', cohortId, now);

    const data = await collectPersonalData(h.db, a.id, now);
    const json = JSON.stringify(data);
    for (const table of ['users', 'sessions', 'sign_in_attempts', 'lesson_completions', 'quiz_attempts', 'consult_attempts', 'certificates', 'cohort_memberships', 'cohort_invitations', 'audit_log', 'mail_messages', 'learning_events']) {
      expect(data.tables[table]?.length, table).toBeGreaterThan(0);
    }
    for (const foreign of [b.id, b.email, b.oldEmail, 'quiz-b', 'case-b', 'STU-b']) expect(json).not.toContain(foreign);
    expect(json).toContain('quiz-a');
    expect(json).not.toContain('SECRET-KEY');
    expect(json).not.toContain('password_hash');
    expect(json).not.toContain('token_hash');
    expect(json).not.toContain('hidden');
    expect(data.tables.quiz_attempts?.[0]?.grade).toMatchObject({ questions: [{ questionId: 'q1', chosen: ['a'], correct: false }] });

    const files = unzipSync(exportZip(data, 'TeleHealth Ready'));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'users.json', 'quiz_attempts.json']));
    const html = strFromU8(files['index.html']!);
    expect(html).toContain('Amina &quot;a&quot; &lt;Qureshi&gt;');
    expect(html).not.toContain('<Qureshi>');
  });

  test('a deletion needs the account’s own address typed, and ends every session at once', async () => {
    expect(await requestAccountDeletion(h.db, a, 'someone@else.org', now)).toEqual({ status: 'mismatch' });
    expect(await requestAccountDeletion(h.db, a, ` ${a.email.toUpperCase()} `, now)).toEqual({ status: 'requested', erasureOn: days(14) });
    const left = rowsOf(await h.db.execute(sql`select count(*)::int as n from sessions where user_id = ${a.id}`));
    expect(Number(left[0]?.n)).toBe(0);
  });

  test('signing in during the grace period cancels the deletion', async () => {
    await requestAccountDeletion(h.db, b, b.email, now);
    const signedIn = await attemptSignIn(h.db, { email: b.email, password: b.password, ip: '10.0.0.2' }, days(3), async () => {});
    expect(signedIn.ok).toBe(true);
    const row = rowsOf(await h.db.execute(sql`select deletion_requested_at from users where id = ${b.id}`));
    expect(row[0]?.deletion_requested_at).toBeNull();
  });

  test('nothing is erased within the grace period', async () => {
    expect((await runMaintenance(h.db, days(13))).accountsErased).toBe(0);
    expect(await occurrences(h.db, a.email)).not.toEqual([]);
  });

  test('after the grace period no column of any table holds the learner’s name or addresses; their certificate verifies as revoked', async () => {
    expect((await runMaintenance(h.db, days(15))).accountsErased).toBe(1);
    for (const needle of [a.email, a.oldEmail, a.name, 'STU-a', 'PMDC-a']) expect(await occurrences(h.db, needle), needle).toEqual([]);

    const cert = await getPublicCertificate(h.db, a.certificateCode);
    expect(cert).toMatchObject({ revokedAt: days(15) });
    expect(cert?.holderName).not.toContain('Amina');
    const history = rowsOf(await h.db.execute(sql`select reason from certificate_status_changes c join certificates x on x.id = c.certificate_id where x.code = ${a.certificateCode}`));
    expect(history).toEqual([{ reason: accountDeletedReason }]);

    const admin = (await createUser(h.db, { name: 'Admin', email: 'admin@privacy.test', passwordHash: 'x', profession: 'other', role: 'admin' }))!;
    expect(await requestAccountDeletion(h.db, admin, admin.email, days(16))).toEqual({ status: 'last-admin' });
    await expect(changeCertificateStatus(h.db, admin, a.certificateCode, 'reinstated', 'mistake', days(16))).rejects.toMatchObject({ code: 'conflict' });

    const former = await formerMembers(h.db, instructor, cohortId);
    expect(former.map((m) => m.name)).toEqual([deletedLearnerName]);

    // The other learner (whose deletion was cancelled) keeps everything, and a second pass erases nothing more.
    expect(await occurrences(h.db, b.email)).toEqual(expect.arrayContaining(['users.email', 'certificates.credential']));
    expect((await runMaintenance(h.db, days(30))).accountsErased).toBe(0);
    expect((await attemptSignIn(h.db, { email: a.email, password: a.password, ip: '10.0.0.3' }, days(16), async () => {})).ok).toBe(false);
  });
});
