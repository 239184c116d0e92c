// `npm run readiness:rebuild`: rebuilds the readiness rollup (learner_readiness) from the records,
// every active member's figures for their cohorts' programmes, against this build's content. Not
// needed for correctness (a dashboard recomputes any row it finds stale or of other content); run
// it after a large import or a deploy that changed content, so the first dashboards are fast. With
// the embedded PGlite, stop the server first: one process per data folder.
import { configFromEnv, openDb } from '@/db/client';
import { rebuildReadiness } from '@/db/queries/readiness-rollup';
import { getCatalog } from '@/lib/content';

async function main() {
  const handle = openDb(configFromEnv());
  try {
    const started = Date.now();
    const written = await rebuildReadiness(handle.db, await getCatalog());
    console.log(`Readiness rollup rebuilt: ${written} learner-programme rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
