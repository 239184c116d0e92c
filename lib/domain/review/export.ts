// The sign-off record as CSV, for an accreditation file. Pure.
import { csvCell } from '@/lib/domain/cohorts/export';
import type { Decision } from './types';

export type ExportRow = Decision & { title: string | null; currentHash: string | null };

/**
 * One row per decision, oldest first: item, kind, hash, decision, reviewer, date (ISO 8601, UTC),
 * comment; then the item's title and whether the decision still covers its current version
 * ("current", "superseded by an edit", or "item removed" when the item is no longer in the content).
 */
export function decisionsCsv(rows: readonly ExportRow[]): string {
  const header = ['item', 'kind', 'hash', 'decision', 'reviewer', 'date', 'comment', 'title', 'version'];
  const lines = rows.map((r) =>
    [
      r.id,
      r.kind,
      r.hash,
      r.decision,
      r.reviewerName,
      r.decidedAt.toISOString(),
      r.comment,
      r.title,
      r.currentHash === null ? 'item removed' : r.currentHash === r.hash ? 'current' : 'superseded by an edit',
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
