// A second production server for a test that must change content/ between two runs of the site,
// as a redeploy does: the same build and database, a copy of content/ the test may edit. The
// shared server (playwright.config.ts) reads the checkout's own content/ and is left alone.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { demoPassword } from './fixtures';

const repo = process.cwd();

async function freePort(): Promise<number> {
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

export type OwnSite = {
  /** The site's own content/, which the test may edit between runs. */
  content: string;
  /** Its data folder: the database, and the e-mail it writes as .eml files (no SMTP_URL) under mail/. */
  data: string;
  /** Starts the production server on this folder; resolves once it answers. */
  start: () => Promise<{ url: string; stop: () => Promise<void> }>;
  remove: () => void;
};

/**
 * A folder that looks like the checkout to `next start` (the build, packages and code linked, not
 * copied) with its own copy of content/ and its own database, migrated and seeded with the demo
 * accounts (password `demoPassword`). `settings` adds to or replaces its environment.
 */
export function ownSite(settings: Record<string, string> = {}): OwnSite {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telehealth-e2e-own-'));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  // lib/ for the certificate font the server reads at run time.
  for (const name of [distDir, 'node_modules', 'public', 'package.json', 'next.config.mjs', 'lib']) symlinkSync(path.join(repo, name), path.join(dir, name));
  const content = path.join(dir, 'content');
  cpSync(path.join(repo, 'content'), content, { recursive: true });
  const data = path.join(dir, '.data');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: data,
    PGLITE_DIR: path.join(data, 'pglite'),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    SEED_DEMO_PASSWORD: demoPassword,
    PUBLIC_URL: '',
    DATABASE_URL: '',
    POSTGRES_URL: '',
    SMTP_URL: '',
    ...settings,
  };
  // Migrated and seeded before any server opens the folder (PGlite: one process at a time).
  const setup = spawnSync(process.execPath, [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/setup.ts'], { cwd: repo, env, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`database setup failed: ${setup.stderr}`);

  const start = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child: ChildProcess = spawn(process.execPath, [path.join(repo, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
      cwd: dir,
      env: { ...env, PORT: String(port) },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let up = false;
    for (let i = 0; i < 240 && !up; i++) {
      up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (!up) await new Promise((r) => setTimeout(r, 500));
    }
    if (!up) throw new Error(`next start did not answer on ${url}`);
    const stop = async () => {
      // The server and any child it started form one process group, ours to end.
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      await exited;
    };
    return { url, stop };
  };
  return { content, data, start, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
