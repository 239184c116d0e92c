#!/usr/bin/env node
// The server `npm start` runs after preparing the database: one process per core (node:cluster
// workers, each running scripts/serve.mjs, sharing the port), since one Node process uses one core
// and an action or page render is CPU-bound. On PGlite it is one process, always (scripts/workers.mjs).
// A worker that dies is replaced; SIGTERM or SIGINT stops every worker gracefully (each finishes the
// requests it has, then exits), and the primary exits when they all have.
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { embeddedDatabase, workerCount } from './workers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const decided = workerCount(process.env, os.availableParallelism());
if (decided.error) {
  console.error(`\n${decided.error}\n`);
  process.exit(1);
}
const { workers } = decided;
/** Workers must have exited this long after a stop was asked, or they are killed. */
const stopGraceMs = 10_000;
/** A worker that dies within this long of starting is not replaced at once, so a crash on start-up does not spin. */
const minLifeMs = 5_000;

cluster.setupPrimary({ exec: path.join(root, 'scripts/serve.mjs') });
let stopping = false;
const started = new Map();

function fork() {
  const worker = cluster.fork();
  started.set(worker.id, Date.now());
}

cluster.on('exit', (worker, code, signal) => {
  const lived = Date.now() - (started.get(worker.id) ?? 0);
  started.delete(worker.id);
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  console.error(`[cluster] worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`);
  setTimeout(fork, lived < minLifeMs ? minLifeMs - lived : 0);
});

function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[cluster] ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} worker(s)`);
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    process.exit(1);
  }, stopGraceMs).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

const why = embeddedDatabase(process.env) ? 'PGlite: one process, as an embedded database folder allows' : `PostgreSQL: WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY || `unset, one per core`}`;
console.log(`[cluster] starting ${workers} server process${workers === 1 ? '' : 'es'} (${why})`);
for (let i = 0; i < workers; i++) fork();
