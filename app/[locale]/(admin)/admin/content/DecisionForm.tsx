'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { decideAction } from './actions';

/**
 * Sign off the version shown, or request changes with a comment. The hash binds the decision to
 * what the reviewer read; the key (new on every page render) makes a double submit record once.
 */
export function DecisionForm({ kind, id, hash, formKey, translation = false }: { kind: string; id: string; hash: string; formKey: string; translation?: boolean }) {
  const [state, action] = useActionState(decideAction, idleState);
  const error = state.fieldErrors?.comment;
  const speakerError = state.fieldErrors?.nativeSpeaker;
  return (
    <form action={action} className="card stack" aria-labelledby="decide-heading">
      <h2 id="decide-heading" className="h3 m-0">
        Your decision on this version
      </h2>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="hash" value={hash} />
      <input type="hidden" name="key" value={formKey} />
      <div className="field">
        <label htmlFor="comment">Comment (required to request changes)</label>
        <textarea id="comment" name="comment" rows={3} defaultValue={state.status === 'ok' ? '' : state.values?.comment} aria-invalid={error ? true : undefined} aria-describedby={error ? 'comment-error' : undefined} />
        {error ? (
          <p id="comment-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      {translation ? (
        <div className="field">
          <label className="flex items-start gap-2">
            <input type="checkbox" name="nativeSpeaker" value="yes" aria-invalid={speakerError ? true : undefined} aria-describedby={speakerError ? 'speaker-error' : undefined} />
            <span>I speak Urdu as a native speaker, and I read every line above (required to sign off a translation).</span>
          </label>
          {speakerError ? (
            <p id="speaker-error" className="field-error">
              {speakerError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="decision" value="signed-off">
          Sign off this version
        </SubmitButton>
        <SubmitButton className="btn" name="decision" value="changes-requested">
          Request changes
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
