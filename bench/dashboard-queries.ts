// The readiness dashboard's server time for a synthetic cohort, straight against the database:
// PGlite (a temporary folder unless PGLITE_DIR/DATA_DIR say otherwise) and, when BENCH_DATABASE_URL
// or DATABASE_URL is set, PostgreSQL. Seeds the cohort first when it is missing.
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

export type DashboardTiming = { database: string; learners: number; seedSeconds: number | null; runs: number; p50Ms: number; p95Ms: number; maxMs: number; quizStatsP50Ms: number; counts: Record<string, number> };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function benchDashboard(label: string, config: DbConfig, learners: number, runs: number): Promise<DashboardTiming> {
  const handle = openDb(config);
  try {
    await handle.migrate();
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const t0 = performance.now();
    const { cohortId, created } = await seedSyntheticCohort(handle.db, catalog, '!no-login', { learners });
    const seedSeconds = created ? (performance.now() - t0) / 1000 : null;
    const [instructor] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticInstructorEmail));
    const now = new Date();
    const times: number[] = [];
    const quizTimes: number[] = [];
    let counts: Record<string, number> = {};
    const quiz = catalog.quizzes.find((q) => q.def.id === 'foundations')!.def;
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      const r = await cohortReadiness(handle.db, instructor!, cohortId, catalog, now);
      const ms = performance.now() - start;
      const qStart = performance.now();
      await quizStatistics(handle.db, instructor!, quiz, { cohortId });
      const qMs = performance.now() - qStart;
      if (i === 0) continue; // warm-up
      times.push(ms);
      quizTimes.push(qMs);
      counts = { ...r.counts, members: r.learners.length };
    }
    times.sort((a, b) => a - b);
    quizTimes.sort((a, b) => a - b);
    return { database: label, learners, seedSeconds, runs, p50Ms: quantile(times, 0.5), p95Ms: quantile(times, 0.95), maxMs: times.at(-1)!, quizStatsP50Ms: quantile(quizTimes, 0.5), counts };
  } finally {
    await handle.close();
  }
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
