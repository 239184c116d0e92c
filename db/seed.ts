import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serverEnv } from '@/lib/env';
import { configFromEnv, openDb } from './client';
import { seedDemoAccounts } from './demo';
import { loadCatalog } from '@/lib/content/catalog';

/** The line the seed prints inside its transaction when SEED_PAUSE_MS asks it to wait there (tests kill it then). */
export const seedPauseLine = 'Demo seed: accounts written, transaction still open.';

/** Seeds the demo data when it is absent (all or nothing) and prints the accounts once. */
export async function main() {
  const env = serverEnv();
  const handle = openDb(configFromEnv());
  try {
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const midway = env.SEED_PAUSE_MS > 0 ? () => pause(env.SEED_PAUSE_MS) : undefined;
    const accounts = await seedDemoAccounts(handle.db, { password: env.SEED_DEMO_PASSWORD, catalog, midway });
    if (accounts.length === 0) {
      console.log('The demo data is already there: nothing seeded.');
      return;
    }
    const lines = accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(34)} ${a.password}`);
    const text = `Demo accounts (shown once; also saved to ${path.join(env.DATA_DIR, 'demo-accounts.txt')}):\n${lines.join('\n')}\n`;
    console.log(`\n${text}`);
    await mkdir(env.DATA_DIR, { recursive: true });
    await writeFile(path.join(env.DATA_DIR, 'demo-accounts.txt'), text, { mode: 0o600 });
  } finally {
    await handle.close();
  }
}

async function pause(ms: number) {
  console.log(seedPauseLine);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
