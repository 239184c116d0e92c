#!/usr/bin/env node
// `npm start`: build when there is no build or it is older than the code or content, check the
// settings, migrate and seed the database, then serve the production build and say where. The
// database is prepared here, before the server opens it, because an embedded PGlite folder must
// only ever be opened by one process at a time. Settings are validated by lib/env.ts (in
// db/setup.ts); this file only creates what a local start needs and finds the build.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedDatabase, workerCount } from './workers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env };
// Where a local start keeps its generated secret and database (lib/env.ts has the same defaults).
const dataDir = env.DATA_DIR || path.join(root, '.data');
const port = env.PORT || '3000';
const production = env.DEPLOY_ENV === 'production' || Boolean(env.VERCEL);

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function ensureSecret() {
  if (env.AUTH_SECRET) return;
  if (production) fail('AUTH_SECRET is not set. A production deployment refuses to start without it (32+ random characters).');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log(`Generated a local AUTH_SECRET in ${file}.`);
  }
  env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

function run(label, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`${label} failed (exit code ${result.status}).`);
}

// What the build is made from: a change to any of these makes it stale.
const sources = ['app', 'components', 'lib', 'content', 'db', 'public', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'package-lock.json'];

/** The newest file under the sources, with its time. */
function newestSource() {
  let newest = { file: '', mtime: 0 };
  const visit = (p) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else if (stat.mtimeMs > newest.mtime) newest = { file: path.relative(root, p), mtime: stat.mtimeMs };
  };
  for (const s of sources) visit(path.join(root, s));
  return newest;
}

function ensureBuild() {
  const buildId = path.join(root, env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  const built = statSync(buildId, { throwIfNoEntry: false });
  if (built) {
    const newest = newestSource();
    if (newest.mtime <= built.mtimeMs) return;
    if (env.SKIP_REBUILD === '1') {
      console.warn(`\nServing an OLDER BUILD: ${newest.file} changed after it was built. Run \`npm run build\` (or start without SKIP_REBUILD=1) to serve the current code and content.\n`);
      return;
    }
    console.log(`The build is older than the code or content (${newest.file} changed since): rebuilding (about a minute)…`);
  } else {
    console.log('No production build yet: building (about a minute)…');
  }
  run('The build', [path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
}

/** Waits until the server answers its health check, then says where it is. */
async function announce(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const accounts = path.join(dataDir, 'demo-accounts.txt');
  console.log(`\nTeleHealth Ready is running at ${url}`);
  console.log(
    embeddedDatabase(env)
      ? 'One server process: the embedded PGlite database can only be opened by one process. Set DATABASE_URL (PostgreSQL) to run one per core.'
      : `${workers} server process${workers === 1 ? '' : 'es'} (WEB_CONCURRENCY; one per core when unset).`,
  );
  if (existsSync(accounts)) console.log(`Demo accounts and their passwords: ${accounts}`);
}

// Checked first: a setting that cannot work stops the start before anything is built or written.
const decided = workerCount(env, os.availableParallelism());
if (decided.error) fail(decided.error);
const { workers } = decided;
ensureSecret();
env.AUTH_TRUST_HOST ||= 'true';
ensureBuild();
run('Preparing the database', [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/setup.ts']);

// scripts/cluster.mjs runs scripts/serve.mjs (`next start` with a front that fixes the client address
// and refuses what Next.js would answer with a server error) once per core on PostgreSQL, once on PGlite.
const server = spawn(process.execPath, [path.join(root, 'scripts/cluster.mjs')], { cwd: root, env: { ...env, PORT: port, NODE_ENV: 'production' }, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
announce((env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''));
