// The readiness rollup against the records: after a seeded random walk of learning events (with
// dashboards read and the outbox processed at random moments in between), the rollup as the event
// path and the readers left it, the rollup rebuilt from scratch, and the figures computed directly
// from loadLearnerRows are the same, and so is every dashboard built on them.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { joinCohortByCode } from '@/db/queries/cohort-members';
import { createCohort } from '@/db/queries/cohorts';
import { institutionReadiness } from '@/db/queries/institution-readiness';
import { loadLearnerRows } from '@/db/queries/readiness';
import { membersReadiness, programmeFrameOf, rebuildReadiness } from '@/db/queries/readiness-rollup';
import { createUser } from '@/db/queries/users';
import { cohortMemberships, cohorts, readinessChanges, readinessRollup } from '@/db/schema';
import { getCatalog } from '@/lib/content';
import { type LearnerRows, learnerReadiness } from '@/lib/domain/readiness';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { type Walk, prng, randomEvent } from '../support/readiness-events';

const day = 86_400_000;
const SEED = 20_2612;
const STEPS = 90;

describe.each(testDatabases)('the readiness rollup on $name', ({ open }) => {
  const h = suiteDatabase(open);

  async function person(name: string, role: 'learner' | 'instructor' | 'admin') {
    const created = await createUser(h.db, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@rollup.example`, passwordHash: 'x', profession: 'other', role, emailVerified: new Date() });
    if (!created) throw new Error('user not created');
    return created;
  }

  /** Every active (learner, programme) pair's figures straight from the records. */
  async function direct(w: Walk) {
    const out = new Map<string, unknown>();
    for (const c of w.cohorts) {
      const rows = await loadLearnerRows(h.db, { cohortId: c.id }, w.catalog);
      const members = await h.db.select({ userId: cohortMemberships.userId }).from(cohortMemberships).where(and(eq(cohortMemberships.cohortId, c.id), isNull(cohortMemberships.leftAt)));
      for (const { userId } of members) {
        const mine = <T extends { userId: string }>(list: T[]) => list.filter((r) => r.userId === userId);
        const learnerRows: LearnerRows = { completions: mine(rows.completions), quizzes: mine(rows.quizzes), consults: mine(rows.consults), domains: mine(rows.domains) };
        out.set(`${c.programmeId}|${userId}`, learnerReadiness(programmeFrameOf(w.catalog, c.programmeId)!, learnerRows));
      }
    }
    return out;
  }

  /** The stored rows of the active pairs, as the figures they hold. */
  async function stored(w: Walk) {
    const rows = await h.db
      .selectDistinct({ r: readinessRollup })
      .from(readinessRollup)
      .innerJoin(cohorts, eq(cohorts.programmeId, readinessRollup.programmeId))
      .innerJoin(cohortMemberships, and(eq(cohortMemberships.cohortId, cohorts.id), eq(cohortMemberships.userId, readinessRollup.userId), isNull(cohortMemberships.leftAt)));
    const out = new Map<string, unknown>();
    for (const { r } of rows) {
      if (!w.cohorts.some((c) => c.programmeId === r.programmeId)) continue;
      out.set(`${r.programmeId}|${r.userId}`, { earned: r.earned, requirements: r.requirements, progress: r.progress, started: r.started, modules: r.modules, domains: r.domains });
    }
    return out;
  }

  const sorted = (m: Map<string, unknown>) => [...m].sort(([a], [b]) => a.localeCompare(b));

  test('after a random sequence of events, the maintained rollup, the rebuilt rollup and the direct computation are identical', async () => {
    const catalog = await getCatalog();
    const [admin, teacher] = [await person('Rollup Admin', 'admin'), await person('Rollup Teacher', 'instructor')];
    const institutionId = await staffAt(h.db, 'Rollup College', teacher.id);
    const start = new Date(Date.now() - 40 * day);
    const made = [];
    for (const [name, programmeId] of [['Students', 'readiness-students'], ['Doctors', 'practice-doctors']] as const) {
      made.push(await createCohort(h.db, teacher, { name, institutionId, programmeId, dueDate: new Date(start.getTime() + 90 * day) }, start));
    }
    const learners = [];
    for (let i = 1; i <= 6; i++) learners.push(await person(`Walk Learner ${i}`, 'learner'));
    for (const [i, l] of learners.entries()) await joinCohortByCode(h.db, l, made[i % 2]!.joinCode, start);
    const w: Walk = { db: h.db, catalog, learners, cohorts: made.map((c) => ({ id: c.id, joinCode: c.joinCode, programmeId: c.programmeId })), admin };

    const random = prng(SEED);
    const happened = new Map<string, number>();
    for (let step = 0; step < STEPS; step++) {
      // Three hours apart: quiz cooldowns pass, and attempts stay in order.
      const now = new Date(start.getTime() + step * 3 * 3_600_000);
      const what = await randomEvent(w, random, now);
      happened.set(what, (happened.get(what) ?? 0) + 1);
      // Now and then a dashboard is read (recomputing what it finds stale) or the outbox runs.
      const r = random();
      if (r < 0.15) await cohortReadiness(h.db, teacher, w.cohorts[step % 2]!.id, catalog, now);
      else if (r < 0.3) await processDueEvents(h.db, now, 500);
    }
    for (const kind of ['lesson', 'quiz graded', 'consult passed', 'consult failed', 'certificate issued', 'certificate revoked', 'joined', 'left']) expect(happened.get(kind) ?? 0, `${kind} in ${JSON.stringify([...happened])}`).toBeGreaterThan(0);

    // The event path's handler brings rows up to date in the background; whatever it left stale the readers recompute.
    await processDueEvents(h.db, new Date(), 1000);
    const expected = sorted(await direct(w));
    await membersReadiness(h.db, w.cohorts, catalog, { view: 'full' });
    const maintained = sorted(await stored(w));
    expect(maintained.length).toBe(expected.length);
    expect(maintained).toEqual(expected);

    const dashboards = await Promise.all(w.cohorts.map((c) => cohortReadiness(h.db, teacher, c.id, catalog, new Date())));
    const institution = await institutionReadiness(h.db, teacher, institutionId, catalog, new Date());

    expect(await rebuildReadiness(h.db, catalog, 4)).toBe(expected.length);
    expect(sorted(await stored(w))).toEqual(expected);
    // The same dashboards again, now from the rebuilt rows.
    const again = await Promise.all(w.cohorts.map((c) => cohortReadiness(h.db, teacher, c.id, catalog, new Date())));
    const strip = (d: (typeof dashboards)[number]) => ({ learners: d.learners, counts: d.counts, modules: d.modules, criticalErrors: d.criticalErrors });
    expect(again.map(strip)).toEqual(dashboards.map(strip));
    expect((await institutionReadiness(h.db, teacher, institutionId, catalog, institution.computedAt)).total).toEqual(institution.total);
  });

  test('a row computed before a write is stale after it, even when nothing follows the write', async () => {
    const catalog = await getCatalog();
    const teacher = await person('Stale Teacher', 'instructor');
    const c = await createCohort(h.db, teacher, { name: 'Stale', institutionId: await staffAt(h.db, 'Stale College', teacher.id), programmeId: 'readiness-students', dueDate: new Date(Date.now() + 30 * day) });
    const learner = await person('Stale Learner', 'learner');
    await joinCohortByCode(h.db, learner, c.joinCode);
    await membersReadiness(h.db, [c], catalog, { view: 'dashboard' });
    const seqOf = () => h.db.select({ seq: readinessChanges.seq }).from(readinessChanges).where(eq(readinessChanges.userId, learner.id));
    const before = await seqOf();
    const lesson = catalog.modules.find((m) => m.slug === 'foundations')!.lessons[0]!;
    await h.db.execute(sql`insert into lesson_completions (user_id, module_slug, lesson_slug, content_hash) values (${learner.id}, 'foundations', ${lesson.slug}, 'h')`);
    expect(await seqOf()).not.toEqual(before);
    const { figures } = await membersReadiness(h.db, [c], catalog, { view: 'dashboard' });
    expect([...figures.values()][0]?.modules.find((m) => m.slug === 'foundations')?.done).toBe(1);
  });
});
