import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serverEnv } from '@/lib/env';
import { configFromEnv, openDb } from './client';
import { seedDemoAccounts } from './demo';
import { loadCatalog } from '@/lib/content/catalog';

/** Seeds demo accounts into an empty database and prints them once. */
export async function main() {
  const handle = openDb(configFromEnv());
  try {
    const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
    const accounts = await seedDemoAccounts(handle.db, { password: serverEnv().SEED_DEMO_PASSWORD, catalog });
    if (accounts.length === 0) {
      console.log('Database already has accounts: nothing seeded.');
      return;
    }
    const lines = accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(34)} ${a.password}`);
    const text = `Demo accounts (shown once; also saved to ${path.join(serverEnv().DATA_DIR, 'demo-accounts.txt')}):\n${lines.join('\n')}\n`;
    console.log(`\n${text}`);
    await mkdir(serverEnv().DATA_DIR, { recursive: true });
    await writeFile(path.join(serverEnv().DATA_DIR, 'demo-accounts.txt'), text, { mode: 0o600 });
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
