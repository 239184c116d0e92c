// `npm run content:check`: validates everything in content/ and lists every problem with its file.
import path from 'node:path';
import { checkContent } from '@/lib/content/check';
import { contentItems, reviewNotesByItem } from '@/lib/content/review-items';

async function main() {
  const started = performance.now();
  const report = await checkContent(path.join(process.cwd(), 'content'));
  const summary = Object.entries(report.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  for (const draft of report.drafts) {
    console.log(`Draft bank (not offered to learners; no programme may use it until published): ${draft.file}`);
    for (const gap of draft.gaps) console.log(`    ${gap}`);
  }
  if (report.problems.length > 0) {
    console.error(`Content check found ${report.problems.length} problem(s):\n`);
    for (const p of report.problems) console.error(`  ${p.file}\n    ${p.message}\n`);
    process.exit(1);
  }
  console.log(`Content check passed: ${summary} (${Math.round(performance.now() - started)} ms).`);
  // The seed of the review record: what the notes ask a clinician to look at. The record itself is in the database.
  const notes = await reviewNotesByItem(report.catalog);
  const asking = [...notes.values()].filter((blocks) => blocks.some((b) => b.asksSignOff)).length;
  const signOffs = report.catalog.programmes.filter((p) => p.def.requireSignOff).map((p) => p.def.id);
  console.log(
    `Clinical review: ${contentItems(report.catalog).length} items to sign off at /admin/content; content/REVIEW-NOTES.md names ${notes.size} of them, ${asking} with a point awaiting sign-off.` +
      (signOffs.length > 0 ? ` Certificates wait for sign-off in: ${signOffs.join(', ')}.` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
