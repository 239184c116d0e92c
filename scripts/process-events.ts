// `npm run events:process`: one recovery pass of the learning-event outbox against the configured
// database (grades quiz attempts whose time ran out, finishes every pending follow-up). With the
// embedded PGlite, stop the server first: one process per data folder.
import { configFromEnv, openDb } from '@/db/client';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { runMaintenance } from '@/lib/services/maintenance';

async function main() {
  const handle = openDb(configFromEnv());
  try {
    const report = await runMaintenance(handle.db);
    const total = { ...report.deliveries };
    // A full batch may have left more behind: keep going (bounded) until a pass comes back short.
    for (let pass = 0, last = total; pass < 50 && last.done + last.failed + last.skipped >= 200; pass++) {
      last = await processDueEvents(handle.db);
      for (const k of ['done', 'failed', 'skipped'] as const) total[k] += last[k];
    }
    console.log(`Recovery pass: ${report.quizzesClosed} expired quiz attempts graded; follow-ups done ${total.done}, failed ${total.failed}, skipped ${total.skipped}; xAPI statements sent ${report.statements.sent}, in conflict ${report.statements.conflict}, failed ${report.statements.failed}; deleted accounts erased ${report.accountsErased}.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
