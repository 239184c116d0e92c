// Everything the run creates (servers, temporary folders, the PostgreSQL database, the browser) is
// registered here as it is made, and undone in reverse order at the end: on success, on failure
// and on Ctrl-C alike.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Task = () => Promise<void> | void;

const tasks = new Set<Task>();

/**
 * Registers `task` for cleanup. The returned function runs it now (once) and unregisters it;
 * `run = false` only unregisters (the resource went away on its own).
 */
export function defer(task: Task): (run?: boolean) => Promise<void> {
  tasks.add(task);
  return async (run = true) => {
    if (!tasks.delete(task) || !run) return;
    await task();
  };
}

/** Runs every registered task, newest first; a failing task is reported and the rest still run. */
export async function cleanupAll(): Promise<void> {
  for (const task of [...tasks].reverse()) {
    tasks.delete(task);
    try {
      await task();
    } catch (error) {
      console.error('[bench] cleanup step failed:', error);
    }
  }
}

/** On Ctrl-C or SIGTERM: clean up, then exit with the signal's conventional code. */
export function cleanupOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: cleaning up…`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** A new temporary folder, removed at cleanup. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
