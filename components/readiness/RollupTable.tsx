// Readiness rows side by side (cohorts of an institution, or institutions of the platform) with
// their total in the footer. A server-rendered table: numbers as text, nothing to download.
import type { ReactNode } from 'react';
import { statusLabels, statusOrder } from '@/components/cohorts/charts';
import { type ReadinessRollup, domainIds, domainMean } from '@/lib/domain/readiness';

export type RollupRow = { key: string; label: ReactNode; detail?: ReactNode; rollup: ReadinessRollup };

const meanCell = (d: ReadinessRollup['domains'][number]) => {
  const mean = domainMean(d);
  return mean === null ? <span aria-label="not assessed">—</span> : <span title={`${d.assessed} learner${d.assessed === 1 ? '' : 's'} assessed`}>{mean}%</span>;
};

/** One row per cohort or institution, then the total: learners, each status, each domain's mean score. */
export function RollupTable({ caption, rowHeader, detailHeader, rows, total, domains, testId }: {
  caption: string;
  rowHeader: string;
  detailHeader?: string;
  rows: readonly RollupRow[];
  total: RollupRow;
  domains: readonly { id: string; short: string }[];
  testId: string;
}) {
  const cells = (r: RollupRow) => (
    <>
      {detailHeader ? <td>{r.detail}</td> : null}
      <td data-col="learners">{r.rollup.learners}</td>
      {statusOrder.map((s) => (
        <td key={s} data-col={s}>
          {r.rollup.counts[s]}
        </td>
      ))}
      {r.rollup.domains.map((d) => (
        <td key={d.domain} data-col={d.domain}>
          {meanCell(d)}
        </td>
      ))}
    </>
  );
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {detailHeader ? <th scope="col">{detailHeader}</th> : null}
            <th scope="col">Learners</th>
            {statusOrder.map((s) => (
              <th scope="col" key={s}>
                {statusLabels[s]}
              </th>
            ))}
            {domainIds.map((d) => (
              <th scope="col" key={d}>
                <abbr title={`${domains.find((x) => x.id === d)?.short ?? d}: mean score of the learners assessed`}>{d}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-row="total">
            <th scope="row">{total.label}</th>
            {cells(total)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The trend by month as a table, with a small bar per month for certificates issued. */
export function TrendTable({ rollup, testId }: { rollup: ReadinessRollup; testId: string }) {
  const max = Math.max(1, ...rollup.trend.map((t) => t.certified));
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="sr-only">Members who joined and certificates issued, by month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Joined</th>
            <th scope="col">Certificates issued</th>
            <th scope="col" aria-hidden="true"></th>
          </tr>
        </thead>
        <tbody>
          {rollup.trend.map((t) => (
            <tr key={t.month} data-month={t.month}>
              <th scope="row">
                <time dateTime={t.month}>{t.month}</time>
              </th>
              <td data-col="joined">{t.joined}</td>
              <td data-col="certified">{t.certified}</td>
              <td aria-hidden="true">
                <svg width="120" height="12" viewBox="0 0 120 12">
                  <rect width={(t.certified / max) * 120} height="12" fill="#1d6b3a" />
                </svg>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
