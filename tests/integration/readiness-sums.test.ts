// The institution and national views sum their cohorts in the database (db/queries/cohort-rollups.ts).
// On random data — cohorts long past due, just started or of no length; members joined over more
// than a year, some gone; certificates valid, expired, revoked, not yet issued and exactly at the
// edges; rollup rows with random figures, one exactly at each cohort's on-track line, and rows
// missing, stale or of other content — every cohort's row equals the one summarised member by
// member in JavaScript (the previous implementation, tests/support/readiness-oracle.ts) and the
// counts of the cohort's own dashboard, at several moments.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { cohortSums } from '@/db/queries/cohort-rollup-sums';
import { cohortRollups } from '@/db/queries/cohort-rollups';
import { createCohort } from '@/db/queries/cohorts';
import { membersReadiness } from '@/db/queries/readiness-rollup';
import { createUser } from '@/db/queries/users';
import { certificates, cohortMemberships, cohorts, lessonCompletions, readinessRollup } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { domainIds, readinessStatuses, statusRule } from '@/lib/domain/readiness';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { cohortRollupsInJs } from '../support/readiness-oracle';
import { prng } from '../support/readiness-events';

const day = 86_400_000;

describe.each(testDatabases)('readiness summed in the database on $name', ({ open }) => {
  const h = suiteDatabase(open);

  async function world(seed: number, now: Date) {
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const catalog = await getCatalog();
    const person = async (name: string, role: 'learner' | 'admin') => {
      const u = await createUser(h.db, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${seed}@sums.example`, passwordHash: 'x', profession: 'student', role });
      if (!u) throw new Error('user not created');
      return u;
    };
    const admin = await person('Sums Admin', 'admin');
    const institutionIds = [await staffAt(h.db, `Sums College A ${seed}`, admin.id, 'admin'), await staffAt(h.db, `Sums College B ${seed}`, admin.id, 'admin')];
    const programmeIds = catalog.programmes.map((p) => p.def.id);
    const list = [];
    for (let i = 0; i < 8; i++) {
      const createdAt = new Date(now.getTime() - Math.floor((20 + random() * 380) * day));
      // Past due, under way, or of no length at all.
      const dueDate = i % 4 === 3 ? createdAt : new Date(createdAt.getTime() + Math.floor((i % 4 === 0 ? 10 : 100 + random() * 400) * day));
      list.push(await createCohort(h.db, admin, { name: `Sums ${seed}.${i}`, institutionId: institutionIds[i % 2]!, programmeId: programmeIds[i % programmeIds.length]!, dueDate }, createdAt));
    }
    const learners = [];
    for (let i = 0; i < 36; i++) learners.push(await person(`Sums Learner ${i}`, 'learner'));
    for (const [i, l] of learners.entries()) {
      const mine = [...list].sort(() => random() - 0.5).slice(0, 1 + (i % 3));
      for (const c of mine) {
        const joinedAt = new Date(now.getTime() - Math.floor(random() * 460 * day));
        await h.db.insert(cohortMemberships).values({ cohortId: c.id, userId: l.id, joinedAt, leftAt: random() < 0.12 ? now : null });
      }
    }
    const lessons = catalog.modules.flatMap((m) => m.lessons.map((l) => ({ moduleSlug: m.slug, lessonSlug: l.slug, contentHash: l.hash })));
    const complete = (userId: string, n: number) => h.db.insert(lessonCompletions).values(lessons.slice(0, n).map((l) => ({ ...l, userId }))).onConflictDoNothing();
    for (const l of learners) if (random() < 0.5) await complete(l.id, 1 + Math.floor(random() * 4));
    await membersReadiness(h.db, list, catalog, { view: 'rollup' });

    // Random figures in every current row, and one member of each cohort exactly on its on-track line.
    const ids = learners.map((l) => l.id);
    const rows = await h.db.select({ userId: readinessRollup.userId, programmeId: readinessRollup.programmeId }).from(readinessRollup).where(inArray(readinessRollup.userId, ids));
    for (const r of rows) {
      const percents = domainIds.map(() => (random() < 0.4 ? null : Math.floor(random() * 101)));
      const progress = pick([0, 1, 0.5, random(), random()]);
      await h.db.update(readinessRollup).set({ progress, started: random() < 0.8, domainPercents: percents }).where(and(eq(readinessRollup.userId, r.userId), eq(readinessRollup.programmeId, r.programmeId)));
    }
    for (const c of list) {
      const [member] = await h.db.select({ userId: cohortMemberships.userId }).from(cohortMemberships).where(eq(cohortMemberships.cohortId, c.id)).limit(1);
      if (!member) continue;
      const { onTrackFrom } = statusRule(c.createdAt, c.dueDate, now);
      await h.db.update(readinessRollup).set({ progress: onTrackFrom, started: true }).where(and(eq(readinessRollup.userId, member.userId), eq(readinessRollup.programmeId, c.programmeId)));
    }
    // Rows made stale by a later write, missing, or of other content.
    for (const l of learners) {
      const r = random();
      if (r < 0.15) await complete(l.id, 6);
      else if (r < 0.25) await h.db.delete(readinessRollup).where(eq(readinessRollup.userId, l.id));
      else if (r < 0.32) await h.db.update(readinessRollup).set({ fingerprint: 'other content' }).where(eq(readinessRollup.userId, l.id));
    }
    // Certificates of every kind, and at the edges: issued exactly now, expiring exactly now.
    let cycle = 0;
    for (const l of learners) {
      for (let k = Math.floor(random() * 3); k > 0; k--) {
        const issuedAt = pick([now, new Date(now.getTime() + day), new Date(now.getTime() - Math.floor(random() * 500 * day))]);
        const expiresAt = pick([now, new Date(issuedAt.getTime() + 365 * day), new Date(issuedAt.getTime() + Math.floor(random() * 60 * day))]);
        await h.db.insert(certificates).values({
          code: `SUMS-${seed}-${++cycle}`,
          userId: l.id,
          programmeId: pick(programmeIds),
          cycle,
          holderName: 'Sums Learner',
          programmeTitle: 'Readiness',
          issuedAt,
          expiresAt,
          revokedAt: random() < 0.2 ? now : null,
          evidence: {},
          contentVersions: {},
          credential: 'test',
        });
      }
    }
    const cohortList = await h.db.select().from(cohorts).where(inArray(cohorts.id, list.map((c) => c.id)));
    return { catalog, admin, list: cohortList };
  }

  test.each([1, 2])('every cohort row summed in SQL equals the JavaScript summary and its own dashboard (seed %i)', async (seed) => {
    const now = new Date();
    const w = await world(seed, now);
    const rules = w.list.map((c) => ({ id: c.id, rule: statusRule(c.createdAt, c.dueDate, now) }));
    const unsummed = [...(await cohortSums(h.db, rules, w.catalog, now)).values()].reduce((n, s) => n + s.unsummed.length, 0);
    expect(unsummed).toBeGreaterThan(3);

    // First with stale rows in the database (recomputed by the SQL path), then at other moments.
    const bySql = await cohortRollups(h.db, w.list, w.catalog, now);
    const byJs = await cohortRollupsInJs(h.db, w.list, w.catalog, now);
    expect([...bySql]).toEqual([...byJs]);
    expect([...(await cohortSums(h.db, rules, w.catalog, now)).values()].every((s) => s.unsummed.length === 0)).toBe(true);
    for (const s of readinessStatuses) expect([...bySql.values()].reduce((n, r) => n + r.counts[s], 0), s).toBeGreaterThan(0);
    expect([...bySql.values()].some((r) => r.trend.some((t) => t.certified > 0) && r.trend.some((t) => t.joined > 0))).toBe(true);
    for (const c of w.list) {
      const own = await cohortReadiness(h.db, w.admin, c.id, w.catalog, now, { requirements: false });
      expect(bySql.get(c.id)).toMatchObject({ learners: own.learners.length, counts: own.counts });
    }
    for (const at of [new Date(now.getTime() + 45 * day), new Date(now.getTime() - 200 * day), new Date(now.getTime() + 1)]) {
      expect([...(await cohortRollups(h.db, w.list, w.catalog, at))]).toEqual([...(await cohortRollupsInJs(h.db, w.list, w.catalog, at))]);
    }
  });
});
