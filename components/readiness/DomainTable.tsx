import type { Catalog } from '@/lib/content/catalog';
import type { DomainScore } from '@/lib/domain/readiness';

/** Scores in the six AAMC domains, from the best graded attempts; "not assessed" is never shown as 0. */
export function DomainTable({ domains, catalog, testId }: { domains: readonly DomainScore[]; catalog: Catalog; testId: string }) {
  const title = (id: string) => catalog.competencies.domains.find((d) => d.id === id)?.title ?? id;
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Score</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.domain} data-domain={d.domain}>
              <th scope="row">
                {d.domain} {title(d.domain)}
              </th>
              <td>{d.percent === null ? 'not assessed' : `${d.percent}%`}</td>
              <td>
                {d.evidence} item{d.evidence === 1 ? '' : 's'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
