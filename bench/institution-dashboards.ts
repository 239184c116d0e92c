// npm run bench:institutions [-- --learners 50000 --institutions 30 --runs 3] (also a step of npm run bench with --national)
//
// The institution and national readiness dashboards' server time, in-process, against the national
// synthetic seed (issue 20's 50,000 learners spread over 30 institutions): PGlite in a temporary
// folder and, when BENCH_DATABASE_URL or DATABASE_URL is set, PostgreSQL. "Cold" recomputes every
// cohort (what the first reader of the minute waits for); "warm" reuses cohort rows under a minute old.
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
import { machine } from './report';

type Timing = { p50Ms: number; maxMs: number; runs: number };
export type NationalTiming = { database: string; learners: number; institutions: number; cohorts: number; seedSeconds: number | null; institution: { learners: number; cold: Timing; warm: Timing }; national: { learners: number; cold: Timing; warm: Timing } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: content, plans, connections
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { p50Ms: median(ms), maxMs: Math.max(...ms), runs };
}

export async function benchNational(label: string, config: DbConfig, learners: number, institutions: number, runs: number): Promise<NationalTiming> {
  const handle = openDb(config);
  try {
    await handle.migrate();
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const t0 = performance.now();
    const seeded = await seedSyntheticInstitutions(handle.db, catalog, '!no-login', { learners, institutions, onProgress: (d, t) => d % 5000 < 250 && process.stderr.write(`${label}: ${d}/${t} learners\n`) });
    const seedSeconds = seeded.created ? (performance.now() - t0) / 1000 : null;
    await handle.db.insert(users).values({ name: 'Synthetic Platform Admin', email: 'synthetic.admin@synthetic.telehealth.test', passwordHash: '!no-login', role: 'admin', profession: 'doctor' }).onConflictDoNothing();
    const [admin] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, 'synthetic.admin@synthetic.telehealth.test'));
    const [staff] = await handle.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, syntheticStaffEmail(1)));
    const institutionId = seeded.institutionIds[0]!;
    const now = new Date();
    const one = (maxAgeMs?: number) => institutionReadiness(handle.db, staff!, institutionId, catalog, now, { maxAgeMs });
    const all = (maxAgeMs?: number) => platformReadiness(handle.db, admin!, catalog, now, { maxAgeMs });
    const inst = await one(0);
    const nat = await all(0);
    const result: NationalTiming = {
      database: label,
      learners,
      institutions,
      cohorts: nat.institutions.reduce((s, r) => s + r.cohorts, 0),
      seedSeconds,
      institution: { learners: inst.total.learners, cold: await time(runs, () => one(0)), warm: await time(runs, () => one()) },
      national: { learners: nat.total.learners, cold: await time(runs, () => all(0)), warm: await time(runs, () => all()) },
    };
    return result;
  } finally {
    await handle.close();
  }
}

const targets = { institution: { PGlite: 500, PostgreSQL: 150 }, national: { PGlite: null, PostgreSQL: 1000 } } as const;

/** The results as Markdown rows, each with issue 20's target and a pass/short mark. */
export function nationalMarkdown(results: readonly NationalTiming[]): string {
  const mark = (ms: number, target: number | null) => (target === null ? '(no target)' : ms <= target ? `≤ ${target} ms: **pass**` : `≤ ${target} ms: **short**`);
  const lines = ['| Database | View | Learners | Cold p50 (max) | Warm p50 (max) | Target (issue 20), cold |', '|---|---|---|---|---|---|'];
  for (const r of results) {
    const db = r.database === 'PostgreSQL' ? 'PostgreSQL' : 'PGlite';
    for (const view of ['institution', 'national'] as const) {
      const v = r[view];
      lines.push(`| ${r.database} | ${view === 'institution' ? 'Institution (college 01)' : `National (${r.institutions} institutions, ${r.cohorts} cohorts)`} | ${v.learners} | ${v.cold.p50Ms.toFixed(0)} ms (${v.cold.maxMs.toFixed(0)}) | ${v.warm.p50Ms.toFixed(1)} ms (${v.warm.maxMs.toFixed(1)}) | ${mark(v.cold.p50Ms, targets[view][db])} |`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { learners: { type: 'string', default: '50000' }, institutions: { type: 'string', default: '30' }, runs: { type: 'string', default: '3' }, 'skip-pglite': { type: 'boolean', default: false } } });
  const [learners, institutions, runs] = [Number(values.learners), Number(values.institutions), Number(values.runs)];
  const results: NationalTiming[] = [];
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) results.push(await benchNational('PostgreSQL', { driver: 'pg', url }, learners, institutions, runs));
  if (!values['skip-pglite']) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-national-'));
    try {
      results.push(await benchNational('PGlite', { driver: 'pglite', dataDir: dir }, learners, institutions, runs));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, '');
  const m = machine();
  const md = `# Institution and national dashboards ${stamp}\n\nMachine: ${m.cpu} × ${m.cpus} CPUs, ${m.ramGiB} GiB RAM, Node ${m.node}; load average at the start ${m.loadAverageAtStart.join(' / ')}.\n\n${nationalMarkdown(results)}\n`;
  const dir = path.join(process.cwd(), 'bench', 'results');
  writeFileSync(path.join(dir, `${stamp}-national.json`), `${JSON.stringify({ machine: m, results }, null, 2)}\n`);
  writeFileSync(path.join(dir, `${stamp}-national.md`), md);
  console.log(md);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
