'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { revokeAction } from './actions';

export function RevokeForm({ code }: { code: string }) {
  const [state, action] = useActionState(revokeAction, idleState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="code" value={code} />
      <Field name="reason" id={`reason-${code}`} label="Reason for revoking" defaultValue={state.values?.reason} error={state.fieldErrors?.reason} />
      <SubmitButton className="btn btn-danger btn-small">Revoke</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
