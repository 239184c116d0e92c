/** Numbers for the references a page cites, in order of first citation, and their full citations. */
export type RefIndex = { number: Map<string, number>; citation: Map<string, string> };

/** Builds the numbering for a page from the ids it cites, in order. */
export function indexReferences(ids: Iterable<string>, citations: Map<string, { citation: string }>): RefIndex {
  const number = new Map<string, number>();
  for (const id of ids) if (!number.has(id) && citations.has(id)) number.set(id, number.size + 1);
  return { number, citation: new Map([...number.keys()].map((id) => [id, citations.get(id)?.citation ?? id])) };
}

/** "Sources: [1] [4]", each linking to the full citation in the page's reference list. */
export function RefLinks({ ids, refs }: { ids: readonly string[]; refs: RefIndex }) {
  const cited = ids.filter((id) => refs.number.has(id));
  if (cited.length === 0) return null;
  return (
    <p className="m-0 text-sm text-muted">
      Sources:{' '}
      {cited.map((id, i) => (
        <span key={id}>
          {i > 0 ? ' ' : ''}
          <a href={`#ref-${id}`} title={refs.citation.get(id)}>
            [{refs.number.get(id)}]<span className="sr-only"> {refs.citation.get(id)}</span>
          </a>
        </span>
      ))}
    </p>
  );
}
