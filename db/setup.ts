import { configFromEnv, openDb } from './client';
import { main as seed } from './seed';

/** Migrates, then seeds: what `npm start` runs before the server opens the database. */
async function setup() {
  const handle = openDb(configFromEnv());
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  await seed();
}

setup().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
