// The dashboards' query plans on PostgreSQL: with a few thousand synthetic learners (enough that
// the planner prefers indexes where they help) and fresh statistics, EXPLAIN every statement the
// cohort dashboard, its CSV, the drill-down, the institution and the national views send,
// including the recomputation of stale rollup rows, and find no sequential scan of an event table
// or of the rollup. Runs only when TEST_DATABASE_URL names a server (*.pg.test.ts).
import { eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { cohortLearner, cohortReadiness } from '@/db/queries/cohort-readiness';
import { institutionReadiness, platformReadiness } from '@/db/queries/institution-readiness';
import * as schema from '@/db/schema';
import { seedSyntheticCohort, syntheticInstructorEmail } from '@/db/synthetic';
import { seedSyntheticInstitutions, syntheticStaffEmail } from '@/db/synthetic-institutions';
import { getCatalog } from '@/lib/content';
import { cohortExport } from '@/lib/services/cohort-export';
import { openFreshPostgres } from '../support/databases';

const serverUrl = process.env.TEST_DATABASE_URL;
const eventTables = ['learning_events', 'lesson_completions', 'quiz_attempts', 'consult_attempts', 'learner_readiness'];

type Captured = { query: string; params: unknown[] };

describe('dashboard query plans on PostgreSQL', () => {
  let h: DbHandle & { url: string };
  let pool: Pool;
  let logged: Db;
  let captured: Captured[] = [];

  beforeAll(async () => {
    h = await openFreshPostgres(serverUrl!);
    const catalog = await getCatalog();
    // A national deployment's proportions: 30 institutions of two cohorts each, a cohort about 1/60 of the learners.
    await seedSyntheticInstitutions(h.db, catalog, '!no-login', { learners: 3000, institutions: 30 });
    await seedSyntheticCohort(h.db, catalog, '!no-login', { learners: 50, seed: 50 });
    // The rollup of a platform that has run for a while: rows of 30,000 more learners (past cohorts,
    // another programme). The rollup's heap is narrow (its JSON lives out of line), so without them a
    // few thousand rows fit in a few pages and any plan may as well read them all.
    await h.db.execute(sql`
      insert into users (name, email, role, profession)
      select 'Past learner ' || g, 'past.' || g || '@synthetic.telehealth.test', 'learner', 'student' from generate_series(1, 30000) g`);
    await h.db.execute(sql`
      insert into learner_readiness (user_id, programme_id, fingerprint, computed_seq, progress, started, earned, modules, domains, requirements, domain_percents)
      select id, 'practice-doctors', 'past', 0, 0, false, false, '[]', '[]', '[]', '{}' from users where email like 'past.%'`);
    await h.db.insert(schema.users).values({ name: 'Plans Admin', email: 'plans.admin@synthetic.telehealth.test', passwordHash: 'x', role: 'admin', profession: 'doctor' });
    // Some learners' records change after their rows were computed: the dashboards must recompute them (the stale path is planned too).
    const some = await h.db.select({ id: schema.quizAttempts.id }).from(schema.quizAttempts).limit(40);
    await h.db.update(schema.quizAttempts).set({ score: sql`${schema.quizAttempts.score} - 1` }).where(inArray(schema.quizAttempts.id, some.map((s) => s.id)));
    await h.db.execute(sql`analyze`);
    pool = new Pool({ connectionString: h.url, max: 4 });
    logged = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
  }, 600_000);

  afterAll(async () => {
    await pool?.end();
    await h?.close();
  });

  /** The plan of every statement `run` sent, as EXPLAIN prints it. */
  async function plansOf(run: () => Promise<unknown>, recomputes = true) {
    captured = [];
    await run();
    const statements = captured;
    expect(statements.length).toBeGreaterThan(0);
    // The stale rows' recomputation ran: its grouped reads of the evidence tables are among the plans.
    if (recomputes) expect(statements.some((s) => s.query.includes('unnest(') && s.query.includes('lesson_completions'))).toBe(true);
    const plans = [];
    for (const s of statements) {
      const result = await pool.query<{ 'QUERY PLAN': string }>(`explain ${s.query}`, s.params);
      plans.push({ query: s.query, plan: result.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    return plans;
  }

  /** Makes a few members' rollup rows stale (a score rewritten), so the plans include their recomputation. */
  async function touch(cohortIds: string[]) {
    await h.db.execute(sql`
      update quiz_attempts set score = score
      where user_id in (select user_id from cohort_memberships where cohort_id in ${cohortIds} and left_at is null limit 10)`);
  }

  /** The tables a plan reads sequentially. */
  const seqScans = (plan: string) => [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!);

  async function people() {
    const [staff] = await h.db.select({ id: schema.users.id, role: schema.users.role }).from(schema.users).where(eq(schema.users.email, syntheticStaffEmail(1)));
    const [owner] = await h.db.select({ id: schema.users.id, role: schema.users.role }).from(schema.users).where(eq(schema.users.email, syntheticInstructorEmail));
    const [admin] = await h.db.select({ id: schema.users.id, role: schema.users.role }).from(schema.users).where(eq(schema.users.email, 'plans.admin@synthetic.telehealth.test'));
    const [institution] = await h.db.select({ id: schema.institutionStaff.institutionId }).from(schema.institutionStaff).where(eq(schema.institutionStaff.userId, staff!.id));
    const mine = await h.db.select().from(schema.cohorts).where(eq(schema.cohorts.institutionId, institution!.id));
    const [small] = await h.db.select().from(schema.cohorts).where(eq(schema.cohorts.ownerId, owner!.id));
    return { staff: staff!, owner: owner!, admin: admin!, institutionId: institution!.id, large: mine[0]!, small: small! };
  }

  test.each([
    ['a 50-learner cohort’s dashboard', 'small'],
    ['a national seed cohort’s dashboard', 'large'],
  ] as const)('%s reads no event table or rollup sequentially', async (_name, which) => {
    const catalog = await getCatalog();
    const p = await people();
    const cohort = p[which];
    const actor = which === 'small' ? p.owner : p.staff;
    await touch([cohort.id]);
    const plans = await plansOf(() => cohortReadiness(logged, actor, cohort.id, catalog, new Date()));
    for (const { query, plan } of plans) expect(seqScans(plan).filter((t) => eventTables.includes(t)), `${query}\n${plan}`).toEqual([]);
  });

  test('the cohort CSV and the drill-down read no event table or rollup sequentially', async () => {
    const catalog = await getCatalog();
    const p = await people();
    await touch([p.large.id]);
    const [member] = await h.db.select({ userId: schema.cohortMemberships.userId }).from(schema.cohortMemberships).where(eq(schema.cohortMemberships.cohortId, p.large.id)).limit(1);
    const plans = [...(await plansOf(() => cohortExport(logged, p.staff, p.large.id, catalog, new Date()))), ...(await plansOf(() => cohortLearner(logged, p.staff, p.large.id, member!.userId, catalog, new Date()), false))];
    for (const { query, plan } of plans) expect(seqScans(plan).filter((t) => eventTables.includes(t)), `${query}\n${plan}`).toEqual([]);
  });

  test('the institution view reads no event table or rollup sequentially', async () => {
    const catalog = await getCatalog();
    const p = await people();
    await touch([p.large.id]);
    const plans = await plansOf(() => institutionReadiness(logged, p.staff, p.institutionId, catalog, new Date()));
    for (const { query, plan } of plans) expect(seqScans(plan).filter((t) => eventTables.includes(t)), `${query}\n${plan}`).toEqual([]);
  });

  // The national view is the one read of every member's row: a sequential read of the rollup is the
  // right plan for it (an index would visit the same rows in random order), so only the event
  // tables are held to it here; it reads none of them once the rows are current.
  test('the national view reads no event table sequentially', async () => {
    const catalog = await getCatalog();
    const p = await people();
    await touch([p.large.id, p.small.id]);
    const plans = await plansOf(() => platformReadiness(logged, p.admin, catalog, new Date()));
    for (const { query, plan } of plans) expect(seqScans(plan).filter((t) => t !== 'learner_readiness' && eventTables.includes(t)), `${query}\n${plan}`).toEqual([]);
  });
});
