import { describe, expect, test } from 'vitest';
import { workerCount } from '@/scripts/workers.mjs';

const pg = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/site' };

describe('workerCount', () => {
  test.each([
    ['one per core on PostgreSQL when unset', pg, 4, { workers: 4 }],
    ['WEB_CONCURRENCY on PostgreSQL', { ...pg, WEB_CONCURRENCY: '2' }, 8, { workers: 2 }],
    ['one per core on Vercel Postgres', { POSTGRES_URL: 'postgres://u@h/db' }, 2, { workers: 2 }],
    ['one on PGlite, whatever the cores', {}, 8, { workers: 1 }],
    ['one on PGlite when asked for exactly one', { WEB_CONCURRENCY: '1' }, 8, { workers: 1 }],
    ['an empty WEB_CONCURRENCY is unset', { ...pg, WEB_CONCURRENCY: '' }, 3, { workers: 3 }],
  ])('%s', (_name, env, cores, expected) => {
    expect(workerCount(env, cores)).toEqual(expected);
  });

  test('PGlite refuses more than one worker, naming why', () => {
    expect(workerCount({ WEB_CONCURRENCY: '2' }, 2)).toEqual({ error: expect.stringContaining('only be opened by one process') });
  });

  test.each(['0', '-1', '1.5', 'many', '65', '1e2'])('refuses WEB_CONCURRENCY=%s', (value) => {
    expect(workerCount({ ...pg, WEB_CONCURRENCY: value }, 2)).toEqual({ error: expect.stringContaining('whole number from 1 to 64') });
  });
});
