import Link from 'next/link';
import type { Catalog } from '@/lib/content/catalog';
import type { ContentItem } from '@/lib/content/review-items';
import { TranslationContent } from './TranslationContent';

function References({ ids, catalog }: { ids: readonly string[]; catalog: Catalog }) {
  if (ids.length === 0) return null;
  return (
    <div>
      <h3 className="text-base">References it cites</h3>
      <ul className="small">
        {ids.map((id) => {
          const r = catalog.references.get(id);
          return (
            <li key={id}>
              <span className="font-mono">[{r?.evidence ?? '?'}]</span> <Link href={`/admin/content/reference/${id}`}>{r?.citation ?? id}</Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What a reviewer signs off, shown in full: a question's key and rationale, a lesson's or case's source, a reference's entry. */
export function ItemContent({ item, catalog, source }: { item: ContentItem; catalog: Catalog; source: string | null }) {
  switch (item.kind) {
    case 'question': {
      const [quizId, questionId] = item.id.split('/');
      const quiz = catalog.quizzes.find((q) => q.def.id === quizId)?.def;
      const q = quiz?.questions.find((x) => x.id === questionId);
      if (!quiz || !q) return null;
      return (
        <div className="card stack" data-testid="item-content">
          <p className="m-0 small muted">
            {quiz.title} · {q.type}
            {q.difficulty ? ` · ${q.difficulty}` : ''} · {q.competencies.join(', ')}
          </p>
          {q.vignette ? <p className="m-0">{q.vignette}</p> : null}
          <p className="m-0 font-semibold">{q.stem}</p>
          <ol className="m-0" type="a">
            {q.options.map((o) => (
              <li key={o.id} className={q.key.includes(o.id) ? 'font-semibold text-ok' : undefined}>
                {o.text}
                {q.key.includes(o.id) ? ' ✓ (key)' : ''}
              </li>
            ))}
          </ol>
          <p className="m-0">
            <strong>Rationale:</strong> {q.rationale}
          </p>
          <References ids={item.cites} catalog={catalog} />
        </div>
      );
    }
    case 'reference': {
      const r = catalog.references.get(item.id);
      if (!r) return null;
      return (
        <dl className="card grid gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]" data-testid="item-content">
          <dt className="font-semibold">Citation</dt>
          <dd className="m-0">{r.citation}</dd>
          <dt className="font-semibold">Evidence</dt>
          <dd className="m-0">{r.evidence}</dd>
          {r.url ? (
            <>
              <dt className="font-semibold">Address</dt>
              <dd className="m-0 break-all">{r.url}</dd>
            </>
          ) : null}
          {r.note ? (
            <>
              <dt className="font-semibold">Note</dt>
              <dd className="m-0">{r.note}</dd>
            </>
          ) : null}
        </dl>
      );
    }
    case 'lesson':
    case 'case':
      return (
        <div className="stack" data-testid="item-content">
          {item.href ? (
            <p className="m-0">
              <Link href={item.href}>{item.kind === 'lesson' ? 'Read the lesson as learners see it' : 'Open the case brief (play it to see every branch)'}</Link>
            </p>
          ) : null}
          <References ids={item.cites} catalog={catalog} />
          {source !== null ? (
            <details className="card">
              <summary className="cursor-pointer">The source this sign-off approves ({item.file})</summary>
              <pre className="mt-2 max-h-[40rem] overflow-auto whitespace-pre-wrap text-sm">{source}</pre>
            </details>
          ) : null}
        </div>
      );
    case 'urdu-case':
    case 'urdu-phrases':
    case 'urdu-interface':
      return <TranslationContent item={item} catalog={catalog} />;
    default: {
      const never: never = item.kind;
      return never;
    }
  }
}
