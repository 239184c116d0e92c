// Child processes for the benchmark: one-shot scripts that must succeed, and long-running servers
// started in their own process group so that stopping one also stops every process it spawned.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { defer } from './cleanup';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
export const tsxBin = path.join(root, 'node_modules/tsx/dist/cli.mjs');

export type Env = NodeJS.ProcessEnv;

/** Prints one progress line, stamped with the seconds since the run began. */
export function progress(message: string): void {
  console.log(`[bench ${(performance.now() / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

/** Keeps the last lines a process printed, to show them if it fails. */
function tail(child: ChildProcess, echo: string | null, keep = 60): () => string {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > keep) lines.shift();
      if (echo !== null) console.log(`${echo}${line}`);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines.join('\n');
}

/** Process groups still running; killed outright if this process exits without cleaning up. */
const liveGroups = new Set<number>();
process.on('exit', () => liveGroups.forEach((pid) => signalGroup(pid, 'SIGKILL')));

/** Sends `signal` to every process in the group led by `pid`, if any is left. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Spawns `node <args>` from `cwd` (the repository root unless said) as the leader of a new process group, ended at
 * cleanup; when the leader exits, anything it left behind in its group is killed with it.
 */
function spawnNode(args: string[], env: Env, cwd = root): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid;
  if (pid === undefined) return child;
  liveGroups.add(pid);
  const cancel = defer(() => killGroup(child));
  child.once('exit', () => {
    signalGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
    void cancel(false);
  });
  return child;
}

/** Runs `node <args>` to completion with its output echoed under a prefix; rejects on a non-zero exit. Resolves to the output. */
export function runNode(label: string, args: string[], env: Env, timeoutMs: number): Promise<string> {
  const child = spawnNode(args, env);
  const output = tail(child, `  │ ${label}: `, 400);
  const timer = setTimeout(() => killGroup(child), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output());
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}

/** Starts `node <args>` (from `cwd`, the repository by default) in a new process group, its output kept quietly (printed only if startup fails). */
export function startGroup(args: string[], env: Env, cwd = root): { child: ChildProcess; output: () => string } {
  const child = spawnNode(args, env, cwd);
  return { child, output: tail(child, null) };
}

/** Ends a process group: SIGTERM to the whole group, then SIGKILL if it is still there after `graceMs`. */
export async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs));
  if ((await Promise.race([exited, timer])) === 'timeout') signalGroup(pid, 'SIGKILL');
  await exited;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; fails early if `child` exits, or after `timeoutMs`. */
export async function waitForOk(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before ${url} answered`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
