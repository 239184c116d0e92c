#!/usr/bin/env node
// `npm test`: every suite, in order of cost: type check, lint, content check, unit + content + integration (vitest),
// a fresh production build, then the end-to-end tests in the system Chromium.
// Integration suites also run against PostgreSQL when TEST_DATABASE_URL is set, through a PgBouncer
// in transaction mode when Debian's pgbouncer is installed (scripts/pgbouncer.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { pgbouncerBinary, startPgbouncer } from './pgbouncer.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const reports = mkdtempSync(path.join(os.tmpdir(), 'telehealth-test-'));
const totals = { passed: 0, failed: 0 };

function step(label, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit code ${result.status}).`);
    console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(result.status || 1);
  }
}

function count(file, read) {
  if (!existsSync(file)) return;
  const { passed, failed } = read(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += passed;
  totals.failed += failed;
}

const chromium = ensureChromium();
if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: integration suites run on PGlite only (set it to also run them on PostgreSQL).');
} else if (pgbouncerBinary && !process.env.TEST_DATABASE_POOLED_URL) {
  // The pooled path a serverless deployment takes; stopped when this script exits, passing or not.
  const bouncer = await startPgbouncer(process.env.TEST_DATABASE_URL);
  process.on('exit', () => bouncer.stop());
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));
  process.env.TEST_DATABASE_POOLED_URL = bouncer.url;
  console.log(`PostgreSQL integration runs go through PgBouncer in transaction mode (${bouncer.url}).`);
} else if (!pgbouncerBinary) {
  console.log('pgbouncer is not installed: the PostgreSQL integration runs connect to the server directly.');
}

step('Type check', [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
// Next.js's rules and the layer boundaries of docs/architecture.md (eslint.config.mjs); warnings do not fail.
step('Lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings=-1']);
step('Content check', [bin('tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/content-check.ts']);

const vitestJson = path.join(reports, 'vitest.json');
step('Unit, content and integration tests (vitest)', [
  bin('vitest/vitest.mjs'),
  'run',
  '--project=unit',
  '--project=content',
  '--project=integration',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
count(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));

step('Production build', [bin('next/dist/bin/next'), 'build'], { SKIP_BUILD_TYPECHECK: '1' });

const budgetsJson = path.join(reports, 'budgets.json');
step('Byte budgets of the build (vitest)', [bin('vitest/vitest.mjs'), 'run', '--project=budgets', '--reporter=default', '--reporter=json', `--outputFile.json=${budgetsJson}`]);
count(budgetsJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));

const playwrightJson = path.join(reports, 'playwright.json');
step('End-to-end tests (Playwright, system Chromium)', [bin('@playwright/test/cli.js'), 'test', '--reporter=list,json'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
count(playwrightJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));

console.log(`\nAll suites passed.\n${totals.passed} passed, ${totals.failed} failed`);
