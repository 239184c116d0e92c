// The app as the benchmark runs it: one production build, a database prepared before the server
// opens it (an embedded PGlite folder admits one process at a time), then `node scripts/start.mjs`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Env, freePort, killGroup, nextBin, progress, root, runNode, startGroup, tsxBin, waitForOk } from './proc';
import { defer } from './cleanup';

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/** Builds the app into `distDir` unless `reuse` is set and a build is there; tsconfig.json is left as it was. Resolves to whether it built. */
export async function buildApp(distDir: string, reuse: boolean): Promise<boolean> {
  if (reuse && existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    progress(`Reusing the build in ${distDir} (--no-build).`);
    return false;
  }
  progress(`Building into ${distDir} (next build, type check skipped)…`);
  const tsconfig = path.join(root, 'tsconfig.json');
  const before = readFileSync(tsconfig, 'utf8');
  try {
    await runNode('build', [nextBin, 'build'], { ...process.env, NEXT_DIST_DIR: distDir, SKIP_BUILD_TYPECHECK: '1', NEXT_TELEMETRY_DISABLED: '1' }, 8 * 60_000);
  } finally {
    // next build adds its dist folder's types to tsconfig.json; a separate bench build must not.
    if (readFileSync(tsconfig, 'utf8') !== before) writeFileSync(tsconfig, before);
  }
  return true;
}

/**
 * Migrates and seeds the demo accounts (db/setup.ts: only into an empty database, so it goes first),
 * then adds the synthetic cohort with scripts/seed-synthetic.ts. Resolves to the cohort's id.
 */
export async function prepareDatabase(label: string, env: Env, learners: number): Promise<string> {
  await runNode(`${label} setup`, [tsxBin, '--conditions=react-server', 'db/setup.ts'], env, 3 * 60_000);
  const output = await runNode(`${label} seed`, [tsxBin, '--conditions=react-server', 'scripts/seed-synthetic.ts', '--learners', String(learners)], env, 5 * 60_000);
  const id = /\/teach\/cohorts\/([0-9a-f-]{36})/.exec(output)?.[1] ?? /already exists \(([0-9a-f-]{36})\)/.exec(output)?.[1];
  if (!id) throw new Error('scripts/seed-synthetic.ts did not print the cohort id');
  return id;
}

/** Starts `node scripts/start.mjs` on a free loopback port and waits for /api/health. */
export async function startServer(env: Env): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output } = startGroup([path.join(root, 'scripts/start.mjs')], { ...env, PORT: String(port), PUBLIC_URL: baseUrl, AUTH_TRUST_HOST: 'true' });
  const stop = defer(() => killGroup(child));
  try {
    await waitForOk(`${baseUrl}/api/health`, child, 3 * 60_000);
  } catch (error) {
    console.error(output());
    await stop();
    throw error;
  }
  return { baseUrl, stop: () => stop() };
}
