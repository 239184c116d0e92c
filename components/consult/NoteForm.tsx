'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { type FormState, idleState } from '@/components/forms/form-state';
import { noteFields } from './labels';

type Props = {
  caseId: string;
  attemptId: string;
  /** Longest a field may be (the server checks it too). */
  maxLength: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** The teleconsult note, written from memory: seven short fields, nothing filled in for the learner. */
export function NoteForm({ caseId, attemptId, maxLength, action }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card stack" noValidate aria-labelledby="note-heading">
      <h2 id="note-heading" className="m-0 text-lg">
        Write your teleconsult note
      </h2>
      <p className="m-0 muted">
        The consult has ended. Write the note you would keep in the record. It is scored for completeness, then you see the debrief.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      {noteFields.map((field) => {
        const error = errors[field.name];
        return (
          <div key={field.name} className="field">
            <label htmlFor={`note-${field.name}`}>{field.label}</label>
            <p id={`note-${field.name}-hint`} className="hint">
              {field.hint}
            </p>
            <textarea
              id={`note-${field.name}`}
              name={field.name}
              rows={field.name === 'findings' || field.name === 'plan' ? 4 : 2}
              maxLength={maxLength}
              required
              defaultValue={values[field.name] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={[`note-${field.name}-hint`, error ? `note-${field.name}-error` : ''].filter(Boolean).join(' ')}
            />
            {error ? (
              <p id={`note-${field.name}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <SubmitButton>Finish and see the debrief</SubmitButton>
    </form>
  );
}
