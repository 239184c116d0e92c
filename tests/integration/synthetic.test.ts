import { describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { cohortMemberships, quizAttempts, users } from '@/db/schema';
import { seedSyntheticCohort, syntheticInstructorEmail } from '@/db/synthetic';
import { getCatalog } from '@/lib/content';
import { suiteDatabase, testDatabases } from '../support/databases';

describe.each(testDatabases)('synthetic cohort seed on $name', ({ open }) => {
  const h = suiteDatabase(open);

  test('creates fictional learners with graded histories once, and the dashboard reads them', async () => {
    const catalog = await getCatalog();
    const seen: number[] = [];
    const first = await seedSyntheticCohort(h.db, catalog, '!no-login', { learners: 40, batch: 15, onProgress: (done) => seen.push(done) });
    expect(first.created).toBe(true);
    expect(seen).toEqual([15, 30, 40]);
    const again = await seedSyntheticCohort(h.db, catalog, '!no-login', { learners: 40 });
    expect(again).toEqual({ cohortId: first.cohortId, created: false });
    const [members] = await h.db.select({ n: count() }).from(cohortMemberships).where(eq(cohortMemberships.cohortId, first.cohortId));
    expect(members?.n).toBe(40);

    const [instructor] = await h.db.select({ id: users.id, role: users.role, passwordHash: users.passwordHash }).from(users).where(eq(users.email, syntheticInstructorEmail));
    const r = await cohortReadiness(h.db, instructor!, first.cohortId, catalog, new Date());
    expect(r.learners).toHaveLength(40);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(40);
    // A spread of learners, not forty copies: some have not started, some have.
    expect(r.counts['not-started']).toBeLessThan(40);
    expect(r.learners.some((l) => l.domains.some((d) => d.percent !== null))).toBe(true);
    // Every synthetic attempt carries its per-domain sums, as real submissions do.
    const attempts = await h.db.select({ credit: quizAttempts.domainCredit }).from(quizAttempts).innerJoin(cohortMemberships, eq(cohortMemberships.userId, quizAttempts.userId)).where(eq(cohortMemberships.cohortId, first.cohortId));
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.credit !== null)).toBe(true);
    // Synthetic learners cannot sign in.
    const [learner] = await h.db.select({ hash: users.passwordHash }).from(users).innerJoin(cohortMemberships, eq(cohortMemberships.userId, users.id)).where(eq(cohortMemberships.cohortId, first.cohortId)).limit(1);
    expect(learner?.hash).toBeNull();
  });
});
