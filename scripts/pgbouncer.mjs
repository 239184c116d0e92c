#!/usr/bin/env node
// A throw-away PgBouncer in transaction mode in front of the test PostgreSQL server: the pooled path
// a serverless deployment takes (Neon's pooled endpoint is PgBouncer in this mode). scripts/test.mjs
// starts one when Debian's pgbouncer is installed and TEST_DATABASE_URL is set, and hands its address
// to the integration suites as TEST_DATABASE_POOLED_URL. Run directly, it wraps one command:
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node scripts/pgbouncer.mjs npx vitest run --project integration
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** PgBouncer refuses to run as root (CI runs as root): it then switches to this account, which owns its folder. */
function unprivilegedAccount() {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0) return { name, uid: Number(id.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('pgbouncer will not run as root and neither a postgres nor a nobody account exists.');
}

export const pgbouncerBinary = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p)) ?? null;

/** A port nobody listens on right now (the kernel's choice). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts PgBouncer for the server named by `serverUrl`, every database passed through (`*`), pooled
 * per transaction. Returns the pooled URL (the same database, user and password, PgBouncer's port)
 * and a stop function; the ini, auth file and log live in a temporary folder removed at stop.
 */
export async function startPgbouncer(serverUrl) {
  if (!pgbouncerBinary) throw new Error('pgbouncer is not installed (Debian: apt-get install pgbouncer).');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || 'postgres');
  const password = decodeURIComponent(server.password);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgbouncer-'));
  const port = await freePort();
  // The server decides who may connect: PgBouncer passes the password on (or none, where the server trusts).
  writeFileSync(path.join(dir, 'users.txt'), `"${user}" "${password.replace(/"/g, '""')}"\n`, { mode: 0o600 });
  const account = unprivilegedAccount();
  const ini = [
    '[databases]',
    `* = host=${server.hostname} port=${server.port || 5432}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    `auth_type = ${password ? 'plain' : 'trust'}`,
    `auth_file = ${path.join(dir, 'users.txt')}`,
    // The admin console (database "pgbouncer") lets a test confirm the suites really came through here.
    `admin_users = ${user}`,
    'pool_mode = transaction',
    // Tests run one file at a time but open a pool of 10 per database and a few child processes.
    'default_pool_size = 20',
    'max_client_conn = 1000',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
    ...(account ? [`user = ${account.name}`] : []),
  ].join('\n');
  const iniFile = path.join(dir, 'pgbouncer.ini');
  writeFileSync(iniFile, `${ini}\n`);
  if (account) for (const p of [dir, ...readdirSync(dir).map((f) => path.join(dir, f))]) chownSync(p, account.uid, account.gid);
  // Its messages go to the log file (read back if it fails to start); unref'd so it never keeps this process alive.
  const proc = spawn(pgbouncerBinary, [iniFile], { stdio: 'ignore' });
  proc.unref();
  for (let i = 0; i < 100 && proc.exitCode === null && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (proc.exitCode !== null || !(await answers(port))) {
    proc.kill('SIGKILL');
    const log = existsSync(path.join(dir, 'pgbouncer.log')) ? readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`pgbouncer did not start:\n${log}`);
  }
  const pooled = new URL(serverUrl);
  pooled.hostname = '127.0.0.1';
  pooled.port = String(port);
  let stopped = false;
  return {
    url: pooled.toString(),
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      // Synchronous, so it also runs from an exit handler (SIGTERM: PgBouncer exits at once).
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [command, ...args] = process.argv.slice(2);
  if (!process.env.TEST_DATABASE_URL || !command) {
    console.error('Usage: TEST_DATABASE_URL=postgres://… node scripts/pgbouncer.mjs <command> [args…]');
    process.exit(2);
  }
  const bouncer = await startPgbouncer(process.env.TEST_DATABASE_URL);
  process.on('exit', () => bouncer.stop());
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));
  console.log(`PgBouncer (transaction mode) on ${bouncer.url}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_POOLED_URL: bouncer.url } });
  bouncer.stop();
  process.exitCode = result.status ?? 1;
}
