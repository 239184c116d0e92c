// The import report as an educator reads it in the terminal: every question named, imported or
// skipped with its reason, what changed on the way, and what the draft needs before publishing.
import type { ImportReport } from './bank';

type Where = { source: string; bankFile: string; mediaDir: string };

/** The report's lines. */
export function formatImportReport(report: ImportReport, where: Where): string[] {
  const total = report.imported.length + report.skipped.length;
  const lines: string[] = [];
  if (report.imported.length === 0) lines.push(`Nothing imported from ${where.source}: none of its ${total} question(s) fits the platform's types.`);
  else lines.push(`Imported ${report.imported.length} of ${total} question(s) from ${where.source} into ${where.bankFile} (status: draft).`);
  for (const q of report.imported) lines.push(`  + ${q.id} (${q.type}) from "${q.name}"`);
  if (report.skipped.length > 0) {
    lines.push('', `Skipped ${report.skipped.length}:`);
    for (const s of report.skipped) lines.push(`  - "${s.name}" (${s.type}): ${s.reason}`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'Changed on the way:');
    for (const n of report.notes) lines.push(`  ${n.id}: ${n.note}`);
  }
  if (report.media.length > 0) lines.push('', `Media (${report.media.length} file(s)) in ${where.mediaDir}: ${report.media.join(', ')}`);
  if (report.gaps.length > 0) {
    lines.push('', 'Before a programme may use this bank for certification, add what is missing, then remove "status: draft"', '(npm run content:check lists it too):');
    for (const gap of report.gaps) lines.push(`  ${gap}`);
  }
  return lines;
}
