import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One free port and one throw-away data folder per run, chosen once here; workers inherit them.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_SMTP_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'telehealth-e2e-'));
export const demoPassword = 'e2e-demo-password-1';
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './tests/e2e',
  // Specs that need a PostgreSQL server run only when TEST_DATABASE_URL names one (as the integration suites' *.pg.test.ts).
  testIgnore: process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.spec.ts'],
  forbidOnly: true,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './tests/e2e/support/teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    // A real SMTP server for the site's e-mail; tests read what it received (tests/e2e/support/inbox.ts).
    { command: 'node tests/e2e/support/smtp-sink.mjs', port: Number(process.env.E2E_SMTP_PORT), reuseExistingServer: false, stdout: 'pipe', stderr: 'pipe' },
    {
      command: 'node scripts/start.mjs',
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: process.env.E2E_PORT,
        DATA_DIR: process.env.E2E_DATA_DIR,
        PGLITE_DIR: path.join(process.env.E2E_DATA_DIR, 'pglite'),
        SEED_DEMO_PASSWORD: demoPassword,
        // No PUBLIC_URL: links must follow the port in use (certificates.spec.ts checks the PDF, badge and cohort links).
        PUBLIC_URL: '',
        DATABASE_URL: '',
        POSTGRES_URL: '',
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        // Playwright stands in for one reverse proxy, so a test can act as several connections by
        // sending X-Forwarded-For (fixtures.ts testClient); rate limits are per connection.
        TRUSTED_PROXY_HOPS: '1',
      },
    },
  ],
});
