/** Numbers for the references a page cites, in order of first citation, and their full citations. */
export type RefIndex = { number: Map<string, number>; citation: Map<string, string> };

/** Builds the numbering for a page from the ids it cites, in order. */
export function indexReferences(ids: Iterable<string>, citations: Map<string, { citation: string }>): RefIndex {
  const number = new Map<string, number>();
  for (const id of ids) if (!number.has(id) && citations.has(id)) number.set(id, number.size + 1);
  return { number, citation: new Map([...number.keys()].map((id) => [id, citations.get(id)?.citation ?? id])) };
}

/**
 * "[1, 4]": each number links to its full citation, which the page lists once, in its sources. The
 * citation itself is not repeated here (a debrief cites the same few sources under many decisions).
 */
export function RefLinks({ ids, refs }: { ids: readonly string[]; refs: RefIndex }) {
  const cited = [...new Set(ids)].filter((id) => refs.number.has(id)).sort((a, b) => (refs.number.get(a) ?? 0) - (refs.number.get(b) ?? 0));
  if (cited.length === 0) return null;
  return (
    <span className="whitespace-nowrap text-sm text-muted">
      {' ['}
      {cited.map((id, i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <a href={`#ref-${id}`} title={refs.citation.get(id)} aria-label={`Source ${refs.number.get(id)}`}>
            {refs.number.get(id)}
          </a>
        </span>
      ))}
      {']'}
    </span>
  );
}
