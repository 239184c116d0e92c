// npm run bench:institutions [-- --learners 50000 --institutions 30 --runs 3] (also a step of npm run bench with --national)
//
// The institution and national readiness dashboards' server time, in-process, against the national
// synthetic seed (issue 20's 50,000 learners spread over 30 institutions): PGlite in a temporary
// folder and, when BENCH_DATABASE_URL or DATABASE_URL is set, PostgreSQL; and a 5,000-learner cohort's
// dashboard in the same database (--cohort-learners, 0 to skip). Every figure is cold: a new
// database handle and catalog per run, nothing kept in the process; the views read the readiness
// rollup as the seed's event path left it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { type DbConfig, openDb } from '@/db/client';
import { institutionReadiness, platformReadiness } from '@/db/queries/institution-readiness';
import { users } from '@/db/schema';
import { seedSyntheticInstitutions, syntheticStaffEmail } from '@/db/synthetic-institutions';
import { loadCatalog } from '@/lib/content/catalog';
import { type DashboardTiming, benchDashboard } from './dashboard-queries';
import { machine } from './report';

type Timing = { p50Ms: number; maxMs: number; runs: number };
type View = { learners: number; cold: Timing; repeat: Timing };
export type NationalTiming = { database: string; learners: number; institutions: number; cohorts: number; seedSeconds: number | null; institution: View; national: View };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timing = (ms: number[]): Timing => ({ p50Ms: median(ms), maxMs: Math.max(...ms), runs: ms.length });

/**
 * The institution and national readiness views of the national synthetic seed (seeded first when
 * missing, the rollup filled as the event path leaves it). Every cold run opens a new database
 * handle (PGlite: reopens the folder) and loads the catalog afresh, as a new process would, and
 * times its first read of the view; "repeat" is the same view read again at once.
 */
export async function benchNational(label: string, config: DbConfig, learners: number, institutions: number, runs: number): Promise<NationalTiming> {
  const seeding = openDb(config);
  let seedSeconds: number | null = null;
  let institutionId: string;
  try {
    await seeding.migrate();
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const t0 = performance.now();
    const seeded = await seedSyntheticInstitutions(seeding.db, catalog, '!no-login', { learners, institutions, onProgress: (d, t) => d % 5000 < 250 && process.stderr.write(`${label}: ${d}/${t} learners\n`) });
    seedSeconds = seeded.created ? (performance.now() - t0) / 1000 : null;
    await seeding.db.insert(users).values({ name: 'Synthetic Platform Admin', email: 'synthetic.admin@synthetic.telehealth.test', passwordHash: '!no-login', role: 'admin', profession: 'doctor' }).onConflictDoNothing();
    institutionId = seeded.institutionIds[0]!;
  } finally {
    await seeding.close();
  }
  const cold = { institution: [] as number[], national: [] as number[] };
  const repeat = { institution: [] as number[], national: [] as number[] };
  const sizes = { institution: 0, national: 0, cohorts: 0 };
  for (let i = 0; i < runs; i++) {
    for (const view of ['institution', 'national'] as const) {
      const handle = openDb(config);
      try {
        const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
        const [admin] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, 'synthetic.admin@synthetic.telehealth.test'));
        const [staff] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticStaffEmail(1)));
        const now = new Date();
        const read = async () => {
          if (view === 'institution') return { learners: (await institutionReadiness(handle.db, staff!, institutionId, catalog, now)).total.learners, cohorts: 0 };
          const nat = await platformReadiness(handle.db, admin!, catalog, now);
          return { learners: nat.total.learners, cohorts: nat.institutions.reduce((s, r) => s + r.cohorts, 0) };
        };
        let t = performance.now();
        const got = await read();
        cold[view].push(performance.now() - t);
        t = performance.now();
        await read();
        repeat[view].push(performance.now() - t);
        sizes[view] = got.learners;
        if (view === 'national') sizes.cohorts = got.cohorts;
      } finally {
        await handle.close();
      }
    }
  }
  return {
    database: label,
    learners,
    institutions,
    cohorts: sizes.cohorts,
    seedSeconds,
    institution: { learners: sizes.institution, cold: timing(cold.institution), repeat: timing(repeat.institution) },
    national: { learners: sizes.national, cold: timing(cold.national), repeat: timing(repeat.national) },
  };
}

const targets = { institution: { PGlite: 500, PostgreSQL: 150 }, national: { PGlite: null, PostgreSQL: 1000 } } as const;
const mark = (ms: number, target: number | null) => (target === null ? '(no target)' : ms <= target ? `≤ ${target} ms: **pass**` : `≤ ${target} ms: **short**`);

/** The results as Markdown rows, each with issue 20's target and a pass/short mark against the cold p50. */
export function nationalMarkdown(results: readonly NationalTiming[], dashboards: readonly DashboardTiming[] = []): string {
  const lines = ['| Database | View | Learners | Cold p50 (max) | Repeat p50 | Target (issue 20), cold |', '|---|---|---|---|---|---|'];
  for (const d of dashboards) {
    lines.push(`| ${d.database} | Cohort dashboard, queries and summary | ${d.learners} | ${d.p50Ms.toFixed(0)} ms (${d.maxMs.toFixed(0)}) | ${d.repeatP50Ms.toFixed(0)} ms | ${mark(d.p50Ms, d.target.ms)} |`);
    lines.push(`| ${d.database} | Cohort dashboard, a 50-learner cohort beside it | 50 | ${d.smallCohortP50Ms.toFixed(1)} ms | | proportional to the cohort |`);
  }
  for (const r of results) {
    const db = r.database === 'PostgreSQL' ? 'PostgreSQL' : 'PGlite';
    for (const view of ['institution', 'national'] as const) {
      const v = r[view];
      lines.push(`| ${r.database} | ${view === 'institution' ? 'Institution (college 01)' : `National (${r.institutions} institutions, ${r.cohorts} cohorts)`} | ${v.learners} | ${v.cold.p50Ms.toFixed(0)} ms (${v.cold.maxMs.toFixed(0)}) | ${v.repeat.p50Ms.toFixed(0)} ms | ${mark(v.cold.p50Ms, targets[view][db])} |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      learners: { type: 'string', default: '50000' },
      institutions: { type: 'string', default: '30' },
      runs: { type: 'string', default: '3' },
      'cohort-learners': { type: 'string', default: '5000' },
      'skip-pglite': { type: 'boolean', default: false },
    },
  });
  const [learners, institutions, runs, cohortLearners] = [Number(values.learners), Number(values.institutions), Number(values.runs), Number(values['cohort-learners'])];
  const results: NationalTiming[] = [];
  const dashboards: DashboardTiming[] = [];
  const measure = async (label: string, config: DbConfig) => {
    results.push(await benchNational(label, config, learners, institutions, runs));
    // The single large cohort in the same database, beside the national seed's learners.
    if (cohortLearners > 0) dashboards.push(await benchDashboard(label, config, cohortLearners, runs));
  };
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) await measure('PostgreSQL', { driver: 'pg', url });
  if (!values['skip-pglite']) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-national-'));
    try {
      await measure('PGlite', { driver: 'pglite', dataDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, '');
  const m = machine();
  const md = `# Institution and national dashboards ${stamp}\n\nMachine: ${m.cpu} × ${m.cpus} CPUs, ${m.ramGiB} GiB RAM, Node ${m.node}; load average at the start ${m.loadAverageAtStart.join(' / ')}.\n\n${nationalMarkdown(results, dashboards)}\n`;
  const dir = path.join(process.cwd(), 'bench', 'results');
  writeFileSync(path.join(dir, `${stamp}-national.json`), `${JSON.stringify({ machine: m, results, dashboards }, null, 2)}\n`);
  writeFileSync(path.join(dir, `${stamp}-national.md`), md);
  console.log(md);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
