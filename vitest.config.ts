import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root, 'server-only': `${root}tests/support/server-only.ts` };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // Reads .next: npm test runs it after the production build.
      { resolve: { alias }, test: { name: 'budgets', include: ['tests/budgets/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Suites that need a PostgreSQL server run only when TEST_DATABASE_URL names one, and those
          // about the pooled path only when TEST_DATABASE_POOLED_URL names the pooler (scripts/test.mjs).
          exclude: [
            ...(process.env.TEST_DATABASE_URL ? [] : ['tests/integration/**/*.pg.test.ts']),
            ...(process.env.TEST_DATABASE_POOLED_URL ? [] : ['tests/integration/**/*.pooled.test.ts']),
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
