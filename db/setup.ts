import { EnvError, serverEnv } from '@/lib/env';
import { migrationConfigFromEnv, openDb } from './client';
import { main as seed } from './seed';

/** Checks the settings, migrates, then seeds: what `npm start` runs before the server opens the database. */
async function setup() {
  // A missing or bad setting stops the start here, with a message naming the variable.
  serverEnv();
  const handle = openDb(migrationConfigFromEnv());
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  await seed();
}

setup().catch((error: unknown) => {
  console.error(error instanceof EnvError ? `\n${error.message}\n` : error);
  process.exit(1);
});
