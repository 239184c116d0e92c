// npx tsx bench/cpu-top.ts <profiles dir> [action] [count]
//
// The functions with the most self time inside an action's timed windows, per category, from the
// profile and windows.json that `BENCH_PROFILE_DIR=<dir> npm run bench:actions` keeps: where the
// "other" and "framework" shares of bench/cpu-profile.ts go. Times are profile samples (wall time
// while the main thread ran JavaScript), so read them as shares, not as CPU milliseconds.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type CpuProfile, type Window, categorise, sourceResolver } from './cpu-profile';

type Windows = { real: Record<string, Window[]>; replay: Record<string, Window[]> };

const [dir, only, countArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx bench/cpu-top.ts <profiles dir> [action] [count]');
const count = Number(countArg ?? 15);
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no .cpuprofile in ${dir}`);
const profile: CpuProfile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const windows: Windows = JSON.parse(readFileSync(path.join(dir, 'windows.json'), 'utf8'));
const category = categorise(profile);
const resolve = sourceResolver();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

function name(id: number): string {
  const frame = byId.get(id)!.callFrame;
  const source = (resolve(frame) ?? frame.url).replace(/^.*node_modules\//, '').replace(/^.*\/wt-[a-z]+\//, '');
  return `${frame.functionName || '(anonymous)'} ${source}`;
}

function top(label: string, list: Window[]): void {
  const self = new Map<string, { ms: number; category: string }>();
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    const c = category.get(id);
    if (c === undefined || c === 'idle' || !list.some((w) => t >= w.startUs && t <= w.endUs)) return;
    const key = name(id);
    const entry = self.get(key) ?? { ms: 0, category: c };
    entry.ms += delta / 1000;
    self.set(key, entry);
    totals.set(c, (totals.get(c) ?? 0) + delta / 1000);
  });
  const requests = list.reduce((n, w) => n + w.requests, 0);
  const per = (ms: number) => (ms / requests).toFixed(2);
  const sum = (pattern: RegExp) => [...self].filter(([key]) => pattern.test(key)).reduce((n, [, e]) => n + e.ms, 0);
  console.log(`\n## ${label} (${requests} requests; sampled ms per request: ${[...totals].map(([c, ms]) => `${c} ${per(ms)}`).join(' · ')})`);
  // Self time in this project's own files (app, lib, db, components), in zod, in drizzle's query building, in gzip, in the garbage collector.
  const shares: Array<[string, RegExp]> = [['ours', / (\.\.\/)*(app|lib|db|components)\//], ['zod', / zod\//], ['drizzle', /drizzle-orm|src\/(sql|entity|pg-core)/], ['gzip', /node:zlib|compression\//], ['gc', /^\(garbage collector\)/]];
  console.log(`of which ${shares.map(([n, re]) => `${n} ${per(sum(re))}`).join(' · ')}`);
  for (const c of ['other', 'framework', 'database', 'rendering', 'auth']) {
    const rows = [...self].filter(([, e]) => e.category === c).sort((a, b) => b[1].ms - a[1].ms).slice(0, count);
    if (rows.length === 0) continue;
    console.log(`### ${c}`);
    for (const [key, e] of rows) console.log(`${per(e.ms).padStart(6)}  ${key}`);
  }
}

for (const kind of ['real', 'replay'] as const) {
  for (const [id, list] of Object.entries(windows[kind])) if (!only || only === id) top(`${id}, ${kind}`, list);
}
