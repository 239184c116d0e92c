// The readiness dashboard's server time for a synthetic cohort, cold, straight against the database:
// PGlite (a temporary folder) and, when BENCH_DATABASE_URL or DATABASE_URL is set, PostgreSQL.
// Seeds the cohort (and a 50-learner one beside it) first when missing.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DbConfig, openDb } from '@/db/client';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { seedSyntheticCohort, syntheticInstructorEmail } from '@/db/synthetic';
import { loadCatalog } from '@/lib/content/catalog';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';

export type DashboardTiming = {
  database: string;
  learners: number;
  seedSeconds: number | null;
  runs: number;
  /** Cold: each run in a fresh connection pool (PGlite: the data folder reopened) with a freshly loaded catalog, as a new process's first dashboard. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The same dashboard read again at once on that connection: what a page turn costs. */
  repeatP50Ms: number;
  /** A 50-learner cohort in the same database, cold: its cost must follow the cohort, not the platform. */
  smallCohortP50Ms: number;
  quizStatsP50Ms: number;
  target: { ms: number; pass: boolean };
  counts: Record<string, number>;
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Issue 20's target for a 5,000-learner cohort's dashboard (queries and summary), cold. */
export const dashboardTargetMs = (database: string) => (database === 'PGlite' ? 500 : 150);

/**
 * Times the cohort dashboard (cohortReadiness: its queries and the summary) for a `learners`-strong
 * synthetic cohort, seeded first when missing, with the rollup rows as the seed's event path left
 * them. Every timed run is cold: a new database handle and catalog, nothing kept in the process.
 */
export async function benchDashboard(label: string, config: DbConfig, learners: number, runs: number): Promise<DashboardTiming> {
  const seeding = openDb(config);
  let seedSeconds: number | null = null;
  let cohortId: string;
  let smallId: string;
  try {
    await seeding.migrate();
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const t0 = performance.now();
    const big = await seedSyntheticCohort(seeding.db, catalog, '!no-login', { learners });
    const small = await seedSyntheticCohort(seeding.db, catalog, '!no-login', { learners: 50, seed: 50 });
    seedSeconds = big.created ? (performance.now() - t0) / 1000 : null;
    [cohortId, smallId] = [big.cohortId, small.cohortId];
  } finally {
    await seeding.close();
  }
  const times: number[] = [];
  const repeats: number[] = [];
  const smallTimes: number[] = [];
  const quizTimes: number[] = [];
  let counts: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const handle = openDb(config);
    try {
      const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
      const [instructor] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticInstructorEmail));
      const now = new Date();
      const start = performance.now();
      // As the page reads it: no requirement lists (the CSV reads those).
      const r = await cohortReadiness(handle.db, instructor!, cohortId, catalog, now, { requirements: false });
      times.push(performance.now() - start);
      counts = { ...r.counts, members: r.learners.length };
      const again = performance.now();
      await cohortReadiness(handle.db, instructor!, cohortId, catalog, now, { requirements: false });
      repeats.push(performance.now() - again);
      const quiz = catalog.quizzes.find((q) => q.def.id === 'foundations')!.def;
      const qStart = performance.now();
      await quizStatistics(handle.db, instructor!, quiz, { cohortId });
      quizTimes.push(performance.now() - qStart);
    } finally {
      await handle.close();
    }
    // The small cohort in its own fresh handle, so it pays the same cold costs.
    const other = openDb(config);
    try {
      const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
      const [instructor] = await other.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticInstructorEmail));
      const start = performance.now();
      await cohortReadiness(other.db, instructor!, smallId, catalog, new Date(), { requirements: false });
      smallTimes.push(performance.now() - start);
    } finally {
      await other.close();
    }
  }
  for (const list of [times, repeats, smallTimes, quizTimes]) list.sort((a, b) => a - b);
  const p50Ms = quantile(times, 0.5);
  const target = dashboardTargetMs(label);
  return {
    database: label,
    learners,
    seedSeconds,
    runs,
    p50Ms,
    p95Ms: quantile(times, 0.95),
    maxMs: times.at(-1)!,
    repeatP50Ms: quantile(repeats, 0.5),
    smallCohortP50Ms: quantile(smallTimes, 0.5),
    quizStatsP50Ms: quantile(quizTimes, 0.5),
    target: { ms: target, pass: p50Ms <= target },
    counts,
  };
}

async function main() {
  const { values } = parseArgs({ options: { learners: { type: 'string', default: '5000' }, runs: { type: 'string', default: '10' } } });
  const learners = Number(values.learners);
  const runs = Number(values.runs);
  const results: DashboardTiming[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
  try {
    results.push(await benchDashboard('PGlite', { driver: 'pglite', dataDir: dir }, learners, runs));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) results.push(await benchDashboard('PostgreSQL', { driver: 'pg', url }, learners, runs));
  console.log(JSON.stringify(results, null, 2));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
