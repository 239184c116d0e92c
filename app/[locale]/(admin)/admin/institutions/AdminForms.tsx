'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { InstitutionFields } from '@/components/institutions/InstitutionFields';
import { createInstitutionAction, mergeInstitutionsAction } from './actions';

export function CreateInstitutionForm() {
  const [state, action] = useActionState(createInstitutionAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <InstitutionFields values={state.values ?? {}} errors={state.fieldErrors ?? {}} />
      <div>
        <SubmitButton>Create institution</SubmitButton>
      </div>
    </form>
  );
}

type Named = { id: string; name: string };

/** Merges one of a near-duplicate pair into the other; the admin chooses which stays. */
export function MergeForm({ a, b }: { a: Named; b: Named }) {
  const [state, action] = useActionState(mergeInstitutionsAction, idleState);
  return (
    <div className="stack">
      <FormMessage state={state} />
      <div className="search-row">
        {[
          [b, a],
          [a, b],
        ].map(([from, into]) => (
          <form key={from!.id} action={action}>
            <input type="hidden" name="fromId" value={from!.id} />
            <input type="hidden" name="intoId" value={into!.id} />
            <SubmitButton className="btn btn-small">
              Keep “{into!.name}”, merge the other into it
            </SubmitButton>
          </form>
        ))}
      </div>
    </div>
  );
}
