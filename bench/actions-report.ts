// The Markdown section of bench/actions.ts's results: CPU per request before and after, by category,
// and throughput at 50 connections, each with its target from issue 20 and a pass/short mark.
import type { ActionCost, ActionId, ActionsResult, VersionResult } from './actions';
import type { CpuSplit } from './cpu-profile';
import type { LoadResult } from './load';

const labels: Record<ActionId, string> = { 'quiz-save': 'Quiz answer save', 'quiz-submit': 'Quiz submit', 'consult-step': 'Consult step' };
/** Issue 20's throughput targets: this code's rps at 50 connections ÷ the earlier code's, in the same run. */
const speedup: Record<ActionId, number> = { 'quiz-save': 2, 'quiz-submit': 4, 'consult-step': 4 };
const cpuTargetMs = 5;

const f = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);
const mark = (ok: boolean) => (ok ? '**pass**' : '**short**');
const split = (s: CpuSplit) => `${f(s.totalMs)} ms (rendering ${f(s.rendering)} · auth ${f(s.auth)} · database ${f(s.database)} · framework ${f(s.framework)} · other ${f(s.other)})`;
const clean = (r: LoadResult) => r.errors === 0 && Object.keys(r.statusCodes).every((code) => code === '200');
const loadCell = (r: LoadResult) => `${r.rps.toFixed(0)} rps · p50 ${Math.round(r.p50Ms)} ms · p99 ${Math.round(r.p99Ms)} ms${clean(r) ? '' : ` · ${r.errors} errors, status ${JSON.stringify(r.statusCodes)}`}`;

function cost(version: VersionResult | undefined, id: ActionId): ActionCost | undefined {
  return version?.actions.find((a) => a.id === id);
}

/** The section's lines. */
export function actionsMarkdown(result: ActionsResult): string[] {
  const before = result.versions.find((v) => v.version === 'before');
  const after = result.versions.find((v) => v.version === 'after')!;
  const cpuRows = (['quiz-save', 'quiz-submit', 'consult-step'] as const).flatMap((id) => {
    const b = cost(before, id);
    const a = cost(after, id)!;
    return [
      `| ${labels[id]}, real | ${b ? split(b.real) : 'n/a'} | ${split(a.real)} | ≤ ${cpuTargetMs} ms | ${mark(a.real.totalMs <= cpuTargetMs)} |`,
      `| ${labels[id]}, replay${id === 'quiz-save' ? '' : ' (stale repeat)'} | ${b ? `${split(b.replay)}; all threads ${f(b.replayProcessMs)} ms` : 'n/a'} | ${split(a.replay)}; all threads ${f(a.replayProcessMs)} ms | | |`,
    ];
  });
  const loadRows = (['quiz-save', 'quiz-submit', 'consult-step'] as const).map((id) => {
    const b = cost(before, id);
    const a = cost(after, id)!;
    const ratio = b ? a.load.rps / b.load.rps : null;
    const ok = ratio !== null && ratio >= speedup[id] && clean(a.load);
    return `| ${labels[id]}, 50 conn. | ${b ? loadCell(b.load) : 'n/a'} | ${loadCell(a.load)} | ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`} (≥ ${speedup[id]}×, 0 errors) | ${ratio === null ? 'n/a' : mark(ok)} |`;
  });
  return [
    `## Actions on PostgreSQL: CPU per request and throughput (bench/actions.ts)`,
    '',
    `Load average when this section started: ${result.loadAverage.join(' / ')} (1 / 5 / 15 min). Before: ${before ? `\`${before.root}\` (the earlier code, its own build), one process` : 'not measured (no --before)'}; after: this code, ${after.processes} processes (scripts/cluster.mjs).`,
    `CPU: one server process's main thread (where JavaScript runs), per request, from the kernel's schedstat, split by category in proportion to \`node --cpu-prof\` samples (source-mapped); "real" is the mean of ${result.realRequests} new learners' first request (after one uncounted warm-up), "replay" of ${result.replays} sequential replays; "all threads" is the process's CPU from /proc over the replays (adds libuv's crypto and I/O threads and the garbage collector's).`,
    '',
    '| CPU per request | Before | After | Target | |',
    '|---|---|---|---|---|',
    ...cpuRows,
    '',
    `| ${result.seconds} s at 50 connections (replays) | Before (1 process) | After (${after.processes} processes) | After ÷ before (target) | |`,
    '|---|---|---|---|---|',
    ...loadRows,
    '',
  ];
}
