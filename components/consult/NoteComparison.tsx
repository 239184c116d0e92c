import type { ConsultNote } from '@/lib/content/schemas/case';
import type { NoteScore } from '@/lib/domain/consult';
import { Collapsible } from './DebriefDetails';
import { noteFields } from './labels';

type Props = { learner: ConsultNote | null; expert: ConsultNote; score: NoteScore };

/**
 * The learner's note beside the expert's, field by field, with the key facts the learner's field did
 * not state beside the expert's. A result graded before notes were marked on key facts has none: its
 * fields are marked as they were then, filled in or not.
 */
export function NoteComparison({ learner, expert, score }: Props) {
  const facts = score.facts;
  return (
    <Collapsible id="note-heading" title="Your note and the expert note" testId="note-comparison">
      <p className="m-0 text-sm text-muted">
        Your note scored {score.points} of {score.max} points
        {facts ? `: ${facts.filter((f) => f.found).length} of the ${facts.length} key facts an adequate note records.` : '.'}
      </p>
      <dl className="m-0 space-y-4">
        {noteFields.map((field) => {
          const missing = facts?.filter((f) => f.field === field.name && !f.found) ?? [];
          return (
            <div key={field.name} className="border-t border-line pt-3">
              <dt className="font-semibold">
                {field.label}
                {!facts && score.missing.includes(field.name) ? <span className="font-normal text-danger"> · not filled in: no points</span> : null}
              </dt>
              <dd className="m-0 mt-2 grid gap-3 md:grid-cols-2">
                <div>
                  <p className="m-0 text-sm font-semibold text-muted">Yours</p>
                  <p className="m-0 whitespace-pre-line break-words">{learner?.[field.name] || '—'}</p>
                </div>
                <div>
                  <p className="m-0 text-sm font-semibold text-muted">Expert</p>
                  <p className="m-0">{expert[field.name]}</p>
                  {missing.length > 0 ? (
                    <div className="mt-2 text-sm" data-testid={`missing-${field.name}`}>
                      <p className="m-0 font-semibold text-danger">Missing from yours:</p>
                      <ul className="m-0 ps-5">
                        {missing.map((f) => (
                          <li key={f.id}>{f.fact}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </div>
              </dd>
            </div>
          );
        })}
      </dl>
    </Collapsible>
  );
}
