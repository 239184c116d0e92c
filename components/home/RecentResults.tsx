import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import type { ResultFact } from '@/lib/domain/home/resume';
import { formatDate } from '@/components/cohorts/format';

/** The latest graded quizzes and consults, each with its score and whether it passed, in words. */
export function RecentResults({ results, catalog }: { results: readonly ResultFact[]; catalog: Catalog }) {
  if (results.length === 0) return <p className="m-0 muted">No quiz or consult results yet.</p>;
  return (
    <ul className="stack" data-testid="recent-results">
      {results.map((r) => {
        const title =
          r.kind === 'quiz' ? (catalog.quizzes.find((q) => q.def.id === r.itemId)?.def.title ?? r.itemId) : (catalog.cases.find((c) => c.def.id === r.itemId)?.def.title ?? r.itemId);
        const href = r.kind === 'quiz' ? `/quizzes/${r.itemId}/attempts/${r.id}/result` : `/consults/${r.itemId}/debrief/${r.id}`;
        return (
          <li key={r.id} className="flex flex-wrap justify-between gap-x-3">
            <span>
              <span aria-hidden="true">{r.passed ? '✓ ' : '✗ '}</span>
              <Link href={href}>{title}</Link>
              <span className="text-sm text-muted"> · {r.kind === 'quiz' ? 'quiz' : 'consult'} · {formatDate(r.at)}</span>
            </span>
            <span className="text-sm font-semibold">
              {r.score === null ? '' : `${r.score}% · `}
              {r.passed ? 'passed' : 'not passed'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
