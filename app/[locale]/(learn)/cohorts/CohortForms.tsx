'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { answerInvitationAction, joinCohortAction, leaveCohortAction } from './actions';

/** Join by typing the code (or confirm a code that came in a link). */
export function JoinForm({ code, compact = false }: { code?: string; compact?: boolean }) {
  const [state, action] = useActionState(joinCohortAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      {compact && code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <Field
          name="code"
          label="Join code"
          hint="Ten letters and digits from your instructor, for example KQ7MX-3PATR."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          defaultValue={state.values?.code ?? code ?? ''}
          error={state.fieldErrors?.code}
        />
      )}
      <div>
        <SubmitButton>Join cohort</SubmitButton>
      </div>
    </form>
  );
}

export function LeaveForm({ cohortId, name }: { cohortId: string; name: string }) {
  const [state, action] = useActionState(leaveCohortAction, idleState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="cohortId" value={cohortId} />
      <div>
        <SubmitButton className="btn btn-small">
          Leave <span className="sr-only">{name}</span>
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Accept or decline an invitation: by its link's token, or (a notice on the learner's pages) by its id. */
export function AnswerInvitationForm({ token, id }: { token?: string; id?: string }) {
  const [state, action] = useActionState(answerInvitationAction, idleState);
  if (state.status === 'ok') return <FormMessage state={state} />;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      {token ? <input type="hidden" name="token" value={token} /> : null}
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="answer" value="accept">
          Accept and join
        </SubmitButton>
        <SubmitButton name="answer" value="decline" className="btn">
          Decline
        </SubmitButton>
      </div>
    </form>
  );
}
