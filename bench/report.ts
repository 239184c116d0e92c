// The run's results: the machine they were measured on, one Markdown table (a column per database)
// and the JSON files under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionsResult } from './actions';
import { actionsMarkdown } from './actions-report';
import type { DashboardTiming } from './dashboard-queries';
import type { LoadResult } from './load';
import type { PaintRow } from './paint';
import { type ProxyResult, proxyTargetRatio } from './proxy';
import { root } from './proc';
import type { PageWeight } from './weight';

export type Machine = { cpu: string; cpus: number; ramGiB: number; node: string; os: string; loadAverageAtStart: number[] };
/**
 * One operation under load, at 1 and at 50 connections. `note` says what the repeated requests really
 * do; `first` is a request sent once before the runs that differs from them (`what` says how);
 * `observed` is what this database's server showed about the runs.
 */
export type LoadRow = { id: string; label: string; note: string; first?: { what: string; status: number; ms: number }; observed?: string; runs: LoadResult[] };
export type TargetResult = {
  database: 'PGlite' | 'PostgreSQL';
  weights: Array<PageWeight & { label: string }>;
  loads: LoadRow[];
  paint: PaintRow[];
  dashboardInProcess: DashboardTiming;
};
export type StaticCeiling = { bytes: number; runs: LoadResult[] };
export type RunResult = {
  date: string;
  durationSeconds: number;
  machine: Machine;
  settings: { learners: number; seconds: number; dashboardSeconds: number; distDir: string; built: boolean };
  targets: TargetResult[];
  staticCeiling: StaticCeiling;
  /** The lesson through deploy/nginx, measured with the first database's server. */
  proxy?: ProxyResult;
  /** Issue 20's action costs, on PostgreSQL (bench/actions.ts). */
  actions?: ActionsResult;
};

/** The machine, from os.cpus() and friends, with its load average now (other work skews the numbers). */
export function machine(): Machine {
  const cpus = os.cpus();
  const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length, ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version, os: `${os.type()} ${os.release()} (${os.version()}) ${os.arch()}`, loadAverageAtStart };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number) => (value < 1 ? '<1 ms' : `${Math.round(value)} ms`);
const seconds = (value: number | null) => (value === null ? 'n/a' : `${(value / 1000).toFixed(2)} s`);
const rate = (value: number) => value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);

/** "HTML / JS / CSS = total" in kB. */
function weightCell(w: PageWeight): string {
  return `${kB(w.htmlBytes)} / ${kB(w.jsBytes)} / ${kB(w.cssBytes)} = **${kB(w.totalBytes)} kB**`;
}

/** "RPS · p50 · p99 (responses)", or that nothing came back; then any status other than 200, and errors. */
function loadCell(r: LoadResult): string {
  const parts = [r.responses > 0 ? `${rate(r.rps)} rps · p50 ${ms(r.p50Ms)} · p99 ${ms(r.p99Ms)} (${r.responses} ${r.responses === 1 ? 'response' : 'responses'})` : `no response within ${r.seconds} s (${r.sent} sent)`];
  const other = Object.entries(r.statusCodes).filter(([code]) => code !== '200');
  if (other.length > 0) parts.push(`status ${other.map(([code, n]) => `${code}×${n}`).join(', ')}`);
  if (r.errors > 0) parts.push(`${r.errors} errors (${r.timeouts} timeouts)`);
  return parts.join(' · ');
}

/** A table row: a label, then one cell per database. */
const row = (label: string, cells: string[]) => `| ${label} | ${cells.join(' | ')} |`;

/** "PGlite: …; PostgreSQL: …" for what `part` says about each database's row `i` (databases it says nothing about are left out). */
function perDatabase(run: RunResult, i: number, part: (row: LoadRow) => string | undefined): string {
  return run.targets.flatMap((t) => {
    const text = part(t.loads[i]!);
    return text ? [`${t.database}: ${text}`] : [];
  }).join('; ');
}

/** The footnote of load row `i`: what its requests do, the first request's timing, what was observed. */
function loadNote(run: RunResult, i: number): string {
  const load = run.targets[0]!.loads[i]!;
  const firsts = perDatabase(run, i, (r) => r.first && `status ${r.first.status} in ${ms(r.first.ms)}`);
  const observed = perDatabase(run, i, (r) => r.observed);
  return [load.note, load.first && firsts ? `${load.first.what}: ${firsts}.` : '', observed ? `Observed: ${observed}.` : ''].filter(Boolean).join(' ');
}

/** The load rows of every operation, one per connection count, each pointing to its footnote. */
function loadRows(run: RunResult, notes: string[]): string[] {
  return run.targets[0]!.loads.flatMap((load, i) => {
    const mark = `<sup>${notes.push(loadNote(run, i))}</sup>`;
    return load.runs.map((r, k) => row(`${load.label}${mark}, ${r.connections} conn.`, run.targets.map((t) => loadCell(t.loads[i]!.runs[k]!))));
  });
}

/** The static ceiling and Next ÷ static for the lesson, at each connection count. */
function ceilingRows(run: RunResult): string[] {
  const lessonRuns = (t: TargetResult) => t.loads.find((l) => l.id === 'lesson')!.runs;
  return run.staticCeiling.runs.flatMap((s, k) => [
    row(`Static server (measured once), same lesson bytes (${kB(run.staticCeiling.bytes)} kB gz), ${s.connections} conn.`, run.targets.map(() => loadCell(s))),
    row(`Lesson RPS Next ÷ static, ${s.connections} conn.`, run.targets.map((t) => (lessonRuns(t)[k]!.rps / s.rps).toFixed(3))),
  ]);
}

/** Issue 20's targets for the lesson's first view: at most 180 kB, and no more script than the 147 kB it measured. */
const lessonTargets = { totalBytes: 180_000, jsBytes: 147_000 };
const mark = (ok: boolean) => (ok ? '✅ pass' : '❌ short');

/** The lesson's first view against its targets. */
function lessonTargetRow(run: RunResult): string[] {
  const label = `Lesson first view: target ≤ ${kB(lessonTargets.totalBytes)} kB, script ≤ ${kB(lessonTargets.jsBytes)} kB`;
  return [row(label, run.targets.map((t) => {
    const w = t.weights.find((x) => x.label.startsWith('Lesson'));
    return w ? `${mark(w.totalBytes <= lessonTargets.totalBytes && w.jsBytes <= lessonTargets.jsBytes)} (${kB(w.totalBytes)} kB, script ${kB(w.jsBytes)} kB)` : 'n/a';
  }))];
}

/** The lesson through nginx, and nginx ÷ static against the target, at each connection count. */
function proxyRows(run: RunResult): string[] {
  const proxy = run.proxy;
  if (!proxy) return [];
  return proxy.runs.flatMap((r, k) => {
    const ratio = r.rps / run.staticCeiling.runs[k]!.rps;
    return [
      row(`Lesson through nginx (deploy/nginx, cache ${proxy.cacheStatus}, ${kB(proxy.bytes)} kB gz, measured once), ${r.connections} conn.`, run.targets.map(() => loadCell(r))),
      row(`Lesson RPS nginx ÷ static, ${r.connections} conn. (target ≥ ${proxyTargetRatio})`, run.targets.map(() => `${mark(ratio >= proxyTargetRatio)} ${ratio.toFixed(2)}`)),
    ];
  });
}

/** LCP and the rest for each page under Slow 3G, with a mark where there is a target. */
function paintRows(run: RunResult): string[] {
  return run.targets[0]!.paint.map((p, i) => row(`${p.label} \`${p.path}\`${p.targetMs ? ` (target LCP ≤ ${seconds(p.targetMs)})` : ''}`, run.targets.map((t) => {
    const r = t.paint[i]!;
    const verdict = r.targetMs ? `${mark(r.lcpMs !== null && r.lcpMs <= r.targetMs)} ` : '';
    return `${verdict}**${seconds(r.lcpMs)}** · ${seconds(r.ttfbMs)} · ${seconds(r.domContentLoadedMs)} · ${seconds(r.loadMs)}`;
  })));
}

/** The whole report as Markdown: title, machine, the one table, footnotes. */
function markdown(run: RunResult): string {
  const m = run.machine;
  const notes: string[] = [];
  const section = (title: string) => row(`**${title}**`, run.targets.map(() => ''));
  const first = run.targets[0]!;
  const lines = [
    `# Benchmark ${run.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpu} × ${m.cpus} CPUs, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}; load average at the start ${m.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min).`,
    `Production build (\`next start\` via scripts/start.mjs); ${run.settings.learners.toLocaleString('en')}-learner synthetic cohort; autocannon over loopback, ${run.settings.seconds} s per run (dashboard ${run.settings.dashboardSeconds} s). Run took ${Math.round(run.durationSeconds)} s.`,
    '',
    `| Measure | ${run.targets.map((t) => t.database).join(' | ')} |`,
    `|---|${run.targets.map(() => '---').join('|')}|`,
    section('First view, gzipped bytes: HTML / JS / CSS = total'),
    ...first.weights.map((w, i) => row(`${w.label} \`${w.path.replace(/[0-9a-f-]{36}/, '<id>')}\``, run.targets.map((t) => weightCell(t.weights[i]!)))),
    ...lessonTargetRow(run),
    section('Under load: requests/s · latency p50 · p99'),
    ...loadRows(run, notes),
    ...ceilingRows(run),
    ...proxyRows(run),
    section('First view on Slow 3G (2 s latency, 50 kB/s), cold cache: **LCP** · first byte (HTML headers) · DOMContentLoaded · load'),
    ...paintRows(run),
    section('Dashboard server time in-process (bench/dashboard-queries.ts, no HTTP)'),
    row('Cohort readiness p50 · p95 · max', run.targets.map((t) => `${ms(t.dashboardInProcess.p50Ms)} · ${ms(t.dashboardInProcess.p95Ms)} · ${ms(t.dashboardInProcess.maxMs)} (${t.dashboardInProcess.runs} runs)`)),
    row('Quiz statistics p50', run.targets.map((t) => ms(t.dashboardInProcess.quizStatsP50Ms))),
    '',
    ...notes.map((note, i) => `${i + 1}. ${note}`),
    ...(run.actions ? ['', ...actionsMarkdown(run.actions)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes bench/results/<stamp>-<db>.json per database, latest.json and latest.md; returns the Markdown. */
export function writeResults(run: RunResult, stamp: string): string {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const { targets, ...common } = run;
  for (const target of targets) {
    writeFileSync(path.join(dir, `${stamp}-${target.database.toLowerCase()}.json`), `${JSON.stringify({ ...common, target }, null, 2)}\n`);
  }
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);
  const text = markdown(run);
  writeFileSync(path.join(dir, 'latest.md'), text);
  return text;
}
