// Runs Debian's nginx with the shipped configuration in front of a running app, as an ordinary
// process in a throw-away folder: for the proxy test (tests/e2e/proxy-cache.spec.ts), the bench
// (bench/proxy.ts); an operator renders the same template with deploy/nginx/render.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { renderSite, renderStandalone } from './config';

export const nginxBin = '/usr/sbin/nginx';

export type LocalNginx = { url: string; dir: string; errorLog: () => string; stop: () => Promise<void> };

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects if `child` exits first or after `timeoutMs`. */
async function waitForPort(port: number, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not listen on ${port} within ${timeoutMs / 1000} s:\n${log()}`);
}

/**
 * Starts nginx on a free loopback port in front of `upstream` (host:port), for the build `buildId`.
 * The folder (config, logs, cache) is removed by `stop`.
 */
export async function startNginx(options: { upstream: string; buildId: string; workers?: number | 'auto' }): Promise<LocalNginx> {
  if (!existsSync(nginxBin)) throw new Error(`${nginxBin} not found: install Debian's nginx-light (apt-get install nginx-light)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telehealth-nginx-'));
  const port = await freePort();
  const site = renderSite({ listen: `127.0.0.1:${port}`, upstream: options.upstream, cacheDir: path.join(dir, 'cache'), buildId: options.buildId });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, renderStandalone(site, dir, options.workers));
  const errorLog = () => (existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  // -e: the log for what happens before the config is read (the default, /var/log/nginx, may not be writable).
  const child = spawn(nginxBin, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      // The master and its workers form one process group, ours to end.
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, 15_000, errorLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, dir, errorLog, stop };
}
