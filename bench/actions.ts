// Issue 20: what a quiz answer save, a quiz submit and a consult step cost the server, for the code
// before the change (a checkout with its own build, `--before <dir>`) and this one, on PostgreSQL.
// 1. CPU per request: one server process under `node --cpu-prof`; real requests (each a new learner's
//    first submit or step, captured in the browser) and sequential replays (a save is real every time;
//    a submit or step replay is a stale repeat) are timed in windows, and the profile's main-thread
//    samples inside them are summed by category (bench/cpu-profile.ts). /proc gives every thread's CPU.
// 2. Throughput at 50 connections: the replays through `before` as it served (one process) and through
//    this code's `npm start` server (scripts/cluster.mjs: one process per core on PostgreSQL).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { type CapturedAction, captureConsultStep, captureQuizActions } from './browser';
import { tempDir } from './cleanup';
import { type CpuProfile, type CpuSplit, type Window, cpuPerRequest } from './cpu-profile';
import { type HttpRequest, send } from './http';
import { type LoadResult, load } from './load';
import { type Env, freePort, killGroup, progress, root, startGroup, waitForOk } from './proc';

export type ActionId = 'quiz-save' | 'quiz-submit' | 'consult-step';
export type ActionCost = { id: ActionId; real: CpuSplit; replay: CpuSplit; replayProcessMs: number; load: LoadResult };
export type VersionResult = { version: 'before' | 'after'; root: string; processes: number; actions: ActionCost[] };
export type ActionsResult = { realRequests: number; replays: number; seconds: number; loadAverage: number[]; versions: VersionResult[] };
type Captured = Record<ActionId, CapturedAction>;
type Options = { quizId: string; caseId: string; seconds: number; realRequests: number; replays: number };

const ids: ActionId[] = ['quiz-save', 'quiz-submit', 'consult-step'];
const asPost = (a: CapturedAction): HttpRequest => ({ ...a, method: 'POST' });
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** CPU time (user + system, every thread, in 10 ms ticks) a process has used, in ms, from /proc. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time of a process's main thread (where JavaScript runs), in ms, to the nanosecond, from the kernel's schedstat. */
function mainThreadCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** Sends `request` `n` times one after another to the server `pid`, inside one window; fails on any status but 200. */
async function timed(pid: number, request: HttpRequest, n: number): Promise<Window> {
  // A moment for the server to settle (idle-time garbage collection after the pages a capture loaded).
  await new Promise((resolve) => setTimeout(resolve, 300));
  const cpuBefore = mainThreadCpuMs(pid);
  const startUs = nowUs();
  for (let i = 0; i < n; i++) {
    const response = await send(request);
    if (response.status !== 200) throw new Error(`${request.url}: status ${response.status}`);
  }
  return { startUs, endUs: nowUs(), requests: n, cpuMs: mainThreadCpuMs(pid) - cpuBefore };
}

/** The captured request, sent to another server of the same version (its address, and the origin Next.js checks). */
function to(baseUrl: string, action: CapturedAction): HttpRequest {
  const url = new URL(action.url);
  return { method: 'POST', url: `${baseUrl}${url.pathname}${url.search}`, headers: { ...action.headers, origin: baseUrl }, body: action.body };
}

/** Starts a server of `dir` (a checkout with its build in .next, or this one with `distDir`) and waits for it. */
async function startAt(dir: string, script: string[], env: Env): Promise<{ baseUrl: string; pid: number; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output } = startGroup(script, { ...env, PORT: String(port), PUBLIC_URL: baseUrl }, dir);
  try {
    await waitForOk(`${baseUrl}/api/health`, child, 3 * 60_000);
  } catch (error) {
    console.error(output());
    await killGroup(child);
    throw error;
  }
  return { baseUrl, pid: child.pid!, output, stop: () => killGroup(child, 30_000) };
}

/** Waits until `processes` workers say they listen (the health check needs only one). */
async function allListening(output: () => string, processes: number): Promise<void> {
  for (let i = 0; i < 600 && (output().match(/\] listening on/g) ?? []).length < processes; i++) await new Promise((r) => setTimeout(r, 500));
}

/** A new learner's save, submit and first consult step, captured in the browser; the save was sent by the page. */
async function capture(browser: Browser, baseUrl: string, options: Options): Promise<Captured> {
  const quiz = await captureQuizActions(browser, baseUrl, options.quizId);
  return { 'quiz-save': quiz.save, 'quiz-submit': quiz.submit, 'consult-step': await captureConsultStep(browser, baseUrl, options.caseId) };
}

/** Part 1 for one version: the profiled single process, real requests then replays. Resolves to the costs and the last capture (for the load runs). */
async function profileVersion(dir: string, env: Env, browser: Browser, options: Options) {
  // BENCH_PROFILE_DIR keeps the profiles (for a closer look in Chrome's DevTools); otherwise a temporary folder.
  const profiles = process.env.BENCH_PROFILE_DIR ? path.join(process.env.BENCH_PROFILE_DIR, path.basename(dir)) : tempDir('bench-cpu-prof-');
  mkdirSync(profiles, { recursive: true });
  const script = ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=200', `--import=${path.join(root, 'bench/exit-on-term.mjs')}`, 'scripts/serve.mjs'];
  const server = await startAt(dir, script, env);
  const real: Record<ActionId, Window[]> = { 'quiz-save': [], 'quiz-submit': [], 'consult-step': [] };
  const replay: Record<ActionId, Window[]> = { 'quiz-save': [], 'quiz-submit': [], 'consult-step': [] };
  const processMs: Partial<Record<ActionId, number>> = {};
  let last: Captured | undefined;
  try {
    // The first round warms the server up (compilation, caches) and is not counted.
    for (let round = 0; round <= options.realRequests; round++) {
      last = await capture(browser, server.baseUrl, options);
      for (const id of ids) {
        const window = await timed(server.pid, asPost(last[id]), 1);
        if (round > 0) real[id].push(window);
      }
    }
    for (const id of ids) {
      const before = processCpuMs(server.pid);
      replay[id].push(await timed(server.pid, asPost(last![id]), options.replays));
      processMs[id] = (processCpuMs(server.pid) - before) / options.replays;
    }
  } finally {
    await server.stop();
  }
  const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written in ${profiles}`);
  const profile: CpuProfile = JSON.parse(readFileSync(path.join(profiles, file), 'utf8'));
  if (process.env.BENCH_PROFILE_DIR) writeFileSync(path.join(profiles, 'windows.json'), JSON.stringify({ real, replay }));
  const costs = ids.map((id) => ({ id, real: cpuPerRequest(profile, real[id]), replay: cpuPerRequest(profile, replay[id]), replayProcessMs: processMs[id] ?? 0 }));
  return { costs, captured: last! };
}

/** One version: CPU per request, then throughput at 50 connections through the server it ships. */
async function measureVersion(version: 'before' | 'after', dir: string, env: Env, browser: Browser, options: Options): Promise<VersionResult> {
  progress(`actions (${version}): CPU profile of one server process…`);
  const { costs, captured } = await profileVersion(dir, env, browser, options);
  const multi = version === 'after';
  progress(`actions (${version}): 50 connections through ${multi ? 'scripts/cluster.mjs' : 'one scripts/serve.mjs process'}…`);
  const server = await startAt(dir, [multi ? 'scripts/cluster.mjs' : 'scripts/serve.mjs'], env);
  const processes = multi ? Number(env.WEB_CONCURRENCY || os.availableParallelism()) : 1;
  try {
    const actions: ActionCost[] = [];
    await allListening(server.output, processes);
    for (const cost of costs) {
      const request = to(server.baseUrl, captured[cost.id]);
      // Warm every worker first (new connections go round-robin): a new process compiles the route on its first requests.
      for (let i = 0; i < 4 * processes; i++) {
        const check = await send({ ...request, headers: { ...request.headers, connection: 'close' } });
        if (check.status !== 200) throw new Error(`${cost.id} on ${server.baseUrl}: status ${check.status}`);
      }
      actions.push({ ...cost, load: await load(request, 50, options.seconds) });
    }
    return { version, root: dir, processes, actions };
  } finally {
    await server.stop();
  }
}

/**
 * Both versions on the PostgreSQL target's database (`env`, migrated and seeded): `before` is a
 * checkout of the earlier code with its build in .next (skipped when not given).
 */
export async function benchActions(env: Env, distDir: string, before: string | undefined, browser: Browser, options: Options): Promise<ActionsResult> {
  const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
  // One secret for both versions and all their processes: sessions live in the database, and a
  // capture's cookie is replayed on the version's second server.
  const common: Env = { ...env, NODE_ENV: 'production', AUTH_TRUST_HOST: 'true', AUTH_SECRET: env.AUTH_SECRET || randomBytes(32).toString('base64url') };
  const versions: VersionResult[] = [];
  if (before) versions.push(await measureVersion('before', before, { ...common, NEXT_DIST_DIR: '.next' }, browser, options));
  versions.push(await measureVersion('after', root, { ...common, NEXT_DIST_DIR: distDir }, browser, options));
  return { realRequests: options.realRequests, replays: options.replays, seconds: options.seconds, loadAverage, versions };
}
