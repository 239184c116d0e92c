#!/usr/bin/env node
// `npm start`: build if there is no build yet, migrate and seed the database, then serve the
// production build. The database is prepared here, before the server opens it, because an
// embedded PGlite folder must only ever be opened by one process at a time.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env };
env.DATA_DIR ||= path.join(root, '.data');
env.PGLITE_DIR ||= path.join(env.DATA_DIR, 'pglite');
env.PORT ||= '3000';
const production = env.DEPLOY_ENV === 'production' || Boolean(env.VERCEL);

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function ensureSecret() {
  if (env.AUTH_SECRET) return;
  if (production) fail('AUTH_SECRET is not set. A production deployment refuses to start without it (32+ random characters).');
  mkdirSync(env.DATA_DIR, { recursive: true });
  const file = path.join(env.DATA_DIR, 'auth-secret');
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

ensureSecret();
env.AUTH_TRUST_HOST ||= 'true';
if (!existsSync(path.join(root, env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
  console.log('No production build yet: building (this takes a minute)…');
  run('The build', [path.join(root, 'node_modules/next/dist/bin/next'), 'build']);
}
run('Preparing the database', [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/setup.ts']);

const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', env.PORT], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
