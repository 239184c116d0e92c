import type { Reference } from '@/lib/content/schemas/reference';

const evidenceLabel = { V: 'verified against the source', S: 'secondary source', K: 'accepted practice, for clinician review' } as const;

type Props = {
  references: Reference[];
  heading?: string;
  /** false inside a block that already names the list (a debrief's collapsed sources). */
  titled?: boolean;
};

/** A numbered list of sources, each with how far it was checked. */
export function ReferenceList({ references, heading = 'References', titled = true }: Props) {
  if (references.length === 0) return null;
  return (
    <section aria-label={heading} className={`references text-sm ${titled ? 'mt-8 border-t border-line pt-4' : ''}`}>
      {titled ? <h2 className="mt-0 text-base">{heading}</h2> : null}
      <ol className="list-decimal space-y-2 ps-5">
        {references.map((r) => (
          <li key={r.id} id={`ref-${r.id}`}>
            {r.citation}{' '}
            {r.url ? (
              <a href={r.url} rel="noopener noreferrer" className="break-words">
                {r.url}
              </a>
            ) : null}{' '}
            <span className="text-muted">({evidenceLabel[r.evidence]})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
