// Dashboard and export reads through a read replica (DATABASE_REPLICA_URL), emulated by a read-only
// connection to the same database: each read gives what the primary gives, and a write on the
// replica handle is refused, by the handle before anything is sent and by the server for raw SQL.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DbHandle, openDb } from '@/db/client';
import { seedDemoAccounts } from '@/db/demo';
import { cohortLearner, cohortReadiness } from '@/db/queries/cohort-readiness';
import { listCohortInvitations } from '@/db/queries/cohort-invitations';
import { joinCohortByCode } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { institutionReadiness, platformReadiness } from '@/db/queries/institution-readiness';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { ReplicaWriteError, readDb, setReplicaForTests } from '@/db/replica';
import { auditLog, institutions, readinessRollup, users } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { cohortExport } from '@/lib/services/cohort-export';
import { collectPersonalData } from '@/lib/services/privacy';
import { institutionReadinessCsv, platformReadinessCsv } from '@/lib/services/readiness-export';
import { signOffCsv } from '@/lib/services/review';
import { databaseError, openFreshPostgres } from '../support/databases';

const serverUrl = process.env.TEST_DATABASE_URL!;

/** The same database straight on the server (a pooler refuses the `options` startup parameter), every transaction read-only. */
function readOnlyUrl(url: string) {
  const u = new URL(serverUrl);
  u.pathname = new URL(url).pathname;
  u.searchParams.set('options', '-c default_transaction_read_only=on');
  return u.toString();
}

describe('dashboard and export reads on a read replica', () => {
  let primary: DbHandle & { url: string };
  let replica: DbHandle;
  beforeAll(async () => {
    primary = await openFreshPostgres(serverUrl);
    replica = openDb({ driver: 'pg', url: readOnlyUrl(primary.url) });
    setReplicaForTests(replica, primary.db);
  });
  afterAll(async () => {
    setReplicaForTests(undefined);
    await replica?.close();
    await primary?.close();
  });

  /** The demo data and a cohort at the demo college that the demo learners joined. */
  async function world() {
    const catalog = await getCatalog();
    await seedDemoAccounts(primary.db, { password: 'demo-password-1', catalog });
    const people = Object.fromEntries((await primary.db.select({ id: users.id, email: users.email, role: users.role }).from(users)).map((u) => [u.email.split('@')[0]!, u]));
    const [college] = await primary.db.select({ id: institutions.id }).from(institutions);
    const cohort = await createCohort(primary.db, people.instructor!, { name: 'Replica cohort', institutionId: college!.id, programmeId: 'practice-doctors', dueDate: new Date(Date.now() + 90 * 86_400_000) });
    for (const learner of [people.learner!, people.doctor!]) await joinCohortByCode(primary.db, learner, cohort.joinCode);
    return { catalog, people, college: college!.id, cohort };
  }

  test('every dashboard and export read gives through the replica what it gives on the primary', async () => {
    const { catalog, people, college, cohort } = await world();
    const [instructor, admin, doctor] = [people.instructor!, people.admin!, people.doctor!];
    const now = new Date();
    const quiz = catalog.quizzes[0]!.def;
    const reads = {
      cohort: (db: typeof primary.db) => cohortReadiness(db, instructor, cohort.id, catalog, now),
      learner: (db: typeof primary.db) => cohortLearner(db, instructor, cohort.id, doctor.id, catalog, now),
      institution: (db: typeof primary.db) => institutionReadiness(db, admin, college, catalog, now),
      national: (db: typeof primary.db) => platformReadiness(db, admin, catalog, now),
      institutionCsv: (db: typeof primary.db) => institutionReadinessCsv(db, admin, college, catalog, now),
      nationalCsv: (db: typeof primary.db) => platformReadinessCsv(db, admin, catalog, now),
      cohortCsv: (db: typeof primary.db) => cohortExport(db, instructor, cohort.id, catalog, now),
      quizStatistics: (db: typeof primary.db) => quizStatistics(db, admin, quiz),
      cohortQuizStatistics: (db: typeof primary.db) => quizStatistics(db, instructor, quiz, { cohortId: cohort.id }),
      personalData: (db: typeof primary.db) => collectPersonalData(db, doctor.id, now),
      signOffs: (db: typeof primary.db) => signOffCsv(db, admin, catalog),
      invitations: (db: typeof primary.db) => listCohortInvitations(db, instructor, cohort.id, now),
    };
    for (const [name, read] of Object.entries(reads)) {
      expect({ name, value: await read(readDb()) }).toEqual({ name, value: await read(primary.db) });
    }
    // The replica read found no rollup rows and recomputed them: they were stored on the primary.
    const stored = (await primary.db.select({ userId: readinessRollup.userId }).from(readinessRollup)).map((r) => r.userId);
    expect(stored).toEqual(expect.arrayContaining([people.learner!.id, people.doctor!.id]));
  });

  test('a write on the replica is refused and changes nothing', async () => {
    const db = readDb();
    const before = (await primary.db.select({ n: count() }).from(auditLog))[0]!.n;
    expect(() => db.insert(auditLog)).toThrow(ReplicaWriteError);
    expect(() => db.update(auditLog)).toThrow(ReplicaWriteError);
    expect(() => db.delete(auditLog)).toThrow(ReplicaWriteError);
    expect(() => db.transaction(async () => undefined)).toThrow(ReplicaWriteError);
    // Raw SQL passes the handle; the replica (here: a read-only connection) refuses it.
    expect(await databaseError(db.execute(sql`insert into audit_log (action, subject_type) values ('replica.write', 'test')`))).toContain('read-only transaction');
    expect((await primary.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(before);
    expect(await primary.db.select().from(auditLog).where(eq(auditLog.action, 'replica.write'))).toEqual([]);
  });

  test('without a replica, dashboard reads use the one database', async () => {
    setReplicaForTests(undefined);
    try {
      const { getDb, setDbForTests } = await import('@/db/client');
      setDbForTests(primary);
      expect(readDb()).toBe(getDb());
      setDbForTests(undefined);
    } finally {
      setReplicaForTests(replica, primary.db);
    }
  });
});
