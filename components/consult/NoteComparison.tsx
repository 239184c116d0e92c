import type { ConsultNote } from '@/lib/content/schemas/case';
import { noteFields } from './labels';

/** The learner's note beside the expert's, field by field; empty fields are named. */
export function NoteComparison({ learner, expert, missing }: { learner: ConsultNote | null; expert: ConsultNote; missing: readonly string[] }) {
  return (
    <section aria-labelledby="note-heading" className="stack">
      <h2 id="note-heading" className="m-0">
        Your note and the expert note
      </h2>
      <dl className="space-y-4">
        {noteFields.map((field) => (
          <div key={field.name} className="card">
            <dt className="font-semibold">
              {field.label}
              {missing.includes(field.name) ? <span className="font-normal text-danger"> · not filled in: no points</span> : null}
            </dt>
            <dd className="m-0 mt-2 grid gap-3 md:grid-cols-2">
              <div>
                <p className="m-0 text-sm font-semibold text-muted">Yours</p>
                <p className="m-0 whitespace-pre-line break-words">{learner?.[field.name] || '—'}</p>
              </div>
              <div>
                <p className="m-0 text-sm font-semibold text-muted">Expert</p>
                <p className="m-0">{expert[field.name]}</p>
              </div>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
