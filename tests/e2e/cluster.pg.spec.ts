// `npm start` on PostgreSQL runs one server process per core (scripts/cluster.mjs): here two, from the
// production build, on a fresh database of the server TEST_DATABASE_URL names (this suite runs only
// when it is set, like the integration suites' *.pg.test.ts). Both workers serve; a worker killed
// with -9 is replaced while the other keeps answering; SIGTERM stops them all.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';

const repo = process.cwd();
const serverUrl = process.env.TEST_DATABASE_URL ?? '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** CPU time (user + system, in clock ticks) a process has used, from /proc. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of the workers that said they are listening, in order, from the cluster's output so far. */
const listening = (output: string) => [...output.matchAll(/\[serve (\d+)\] listening/g)].map((m) => Number(m[1]));

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 120_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('two workers on PostgreSQL both serve, a worker killed with -9 is replaced, and SIGTERM stops them all', async () => {
  test.setTimeout(300_000);
  const name = `cluster_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), POSTGRES_URL: '', WEB_CONCURRENCY: '2', PORT: String(port), NODE_ENV: 'production', AUTH_SECRET: randomBytes(32).toString('base64url'), AUTH_TRUST_HOST: 'true', SEED_DEMO_PASSWORD: 'cluster-demo-password-1', SMTP_URL: '' };
  let cluster: ChildProcess | undefined;
  try {
    const setup = spawnSync(process.execPath, [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/setup.ts'], { cwd: repo, env, encoding: 'utf8' });
    expect(setup.status, setup.stderr).toBe(0);
    cluster = spawn(process.execPath, [path.join(repo, 'scripts/cluster.mjs')], { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    cluster.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cluster.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cluster!.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    const [first, second] = await until('two workers listening', () => (listening(output).length >= 2 ? listening(output) : null));
    expect(output).toContain('starting 2 server processes');

    // Requests on new connections are shared round-robin: both workers do work.
    const before = [cpuTicks(first!), cpuTicks(second!)];
    for (let i = 0; i < 30; i++) expect((await fetch(`${base}/consults`, { headers: { connection: 'close' } })).status).toBe(200);
    const after = [cpuTicks(first!), cpuTicks(second!)];
    expect(after[0]! - before[0]!, 'the first worker served').toBeGreaterThan(0);
    expect(after[1]! - before[1]!, 'the second worker served').toBeGreaterThan(0);

    // One worker killed outright: the site keeps answering, and a new worker takes its place.
    process.kill(first!, 'SIGKILL');
    await until('the killed worker to be gone', () => !alive(first!));
    for (let i = 0; i < 10; i++) expect((await fetch(`${base}/api/health`, { headers: { connection: 'close' } })).status).toBe(200);
    const replacement = await until('a replacement worker', () => listening(output).find((pid) => pid !== first && pid !== second));
    expect(alive(second!)).toBe(true);
    const idle = cpuTicks(replacement);
    for (let i = 0; i < 30; i++) expect((await fetch(`${base}/consults`, { headers: { connection: 'close' } })).status).toBe(200);
    expect(cpuTicks(replacement) - idle, 'the replacement served').toBeGreaterThan(0);

    // A graceful stop ends the primary and every worker.
    process.kill(cluster.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect([second, replacement].filter((pid) => alive(pid!))).toEqual([]);
  } finally {
    if (cluster?.pid && cluster.exitCode === null) process.kill(-cluster.pid, 'SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
