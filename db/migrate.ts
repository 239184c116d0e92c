import { migrationConfigFromEnv, openDb } from './client';

/** Applies the committed migrations to the configured database. */
export async function main() {
  const handle = openDb(migrationConfigFromEnv());
  try {
    await handle.migrate();
    console.log(`Migrations applied (${handle.driver}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
