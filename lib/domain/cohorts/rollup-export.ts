// The institution and platform dashboards as CSV: one row per cohort (or institution), then the
// total, every column of which is the sum of the rows above it (a mean from the sums). Pure.
import { type ReadinessRollup, domainIds, domainMean, readinessStatuses } from '@/lib/domain/readiness';
import { csvCell } from './export';

export type RollupCsvRow = { labels: readonly (string | number | null)[]; rollup: ReadinessRollup };

/**
 * Columns: the caller's labels; learners (cohort memberships); the count in each status; per
 * domain the mean score and how many learners it has assessed; per month of the trend, members
 * who joined and certificates issued.
 */
export function rollupCsv(labels: readonly string[], rows: readonly RollupCsvRow[], months: readonly string[]): string {
  const header = [
    ...labels,
    'learners',
    ...readinessStatuses.map((s) => s.replace('-', '_')),
    ...domainIds.flatMap((d) => [`${d}_mean_percent`, `${d}_assessed`]),
    ...months.flatMap((m) => [`joined_${m}`, `certified_${m}`]),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const { labels: cells, rollup } of rows) {
    const trend = new Map(rollup.trend.map((t) => [t.month, t]));
    const row = [
      ...cells,
      rollup.learners,
      ...readinessStatuses.map((s) => rollup.counts[s]),
      ...rollup.domains.flatMap((d) => [domainMean(d), d.assessed]),
      ...months.flatMap((m) => [trend.get(m)?.joined ?? 0, trend.get(m)?.certified ?? 0]),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
