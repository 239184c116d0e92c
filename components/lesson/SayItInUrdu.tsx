import type { PhrasePanelDef } from '@/lib/content/schemas/phrases';
import { UrduText } from '@/components/language/UrduText';

/** Said until the review line arrives, and for good without script: unreviewed phrasing is never shown as approved. */
export const PHRASES_DRAFT_TEXT = 'Urdu: draft awaiting review by a native speaker';

/**
 * "Say it in Urdu": the key phrases of a lesson, each in English, Urdu script and Roman Urdu. A server
 * component with no script of its own; the lesson's review line (ClinicalReviewLine) fills in who
 * reviewed the Urdu, from the module's review answer.
 */
export function SayItInUrdu({ panel }: { panel: PhrasePanelDef }) {
  return (
    <section className="card stack my-6" aria-labelledby={`say-${panel.id}`} data-testid="say-it-in-urdu" data-panel={panel.id}>
      <h2 id={`say-${panel.id}`} className="m-0 text-lg">
        Say it in Urdu: {panel.title}
      </h2>
      <p className="m-0 text-sm text-warn" data-phrase-review={panel.id}>
        {PHRASES_DRAFT_TEXT}
      </p>
      <dl className="m-0 stack">
        {panel.phrases.map((p) => (
          <div key={p.en} className="border-s-4 border-line ps-3">
            <dt className="font-semibold">{p.en}</dt>
            <dd className="m-0">
              <UrduText text={p.ur.script} />
              <p lang="ur-Latn" className="m-0 text-sm text-muted">
                {p.ur.roman}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
