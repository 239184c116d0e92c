import { rmSync } from 'node:fs';

/** Removes the run's throw-away data folder once the server has stopped. */
export default function teardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && dir.includes('telehealth-e2e-')) rmSync(dir, { recursive: true, force: true });
}
