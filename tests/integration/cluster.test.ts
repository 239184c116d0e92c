// `npm start` on the embedded PGlite database runs one server process: asking for more is refused
// before anything is built, migrated or written (scripts/workers.mjs decides; tests/unit has the table).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const repo = process.cwd();
const pglite = (dataDir: string) => ({ ...process.env, DATABASE_URL: '', POSTGRES_URL: '', DATA_DIR: dataDir, PGLITE_DIR: path.join(dataDir, 'pglite'), WEB_CONCURRENCY: '2' });

describe('server processes on PGlite', () => {
  test.each([
    ['npm start (scripts/start.mjs)', 'scripts/start.mjs'],
    ['the cluster itself (scripts/cluster.mjs)', 'scripts/cluster.mjs'],
  ])('%s refuses WEB_CONCURRENCY=2, saying why, and writes nothing', (_name, script) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-pglite-'));
    const run = spawnSync(process.execPath, [path.join(repo, script)], { cwd: repo, env: pglite(dataDir), encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the embedded PGlite database can only be opened by one process');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
