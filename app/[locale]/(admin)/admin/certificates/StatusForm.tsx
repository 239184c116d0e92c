'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { reinstateAction, revokeAction } from './actions';

/** Revoke a valid certificate, or reinstate a revoked one; either way with a reason for the audit log. */
export function StatusForm({ code, revoked }: { code: string; revoked: boolean }) {
  const [state, action] = useActionState(revoked ? reinstateAction : revokeAction, idleState);
  const verb = revoked ? 'Reinstate' : 'Revoke';
  return (
    <form action={action} className="stack">
      <input type="hidden" name="code" value={code} />
      <Field name="reason" id={`reason-${code}`} label={`Reason to ${verb.toLowerCase()}`} defaultValue={state.values?.reason} error={state.fieldErrors?.reason} />
      <SubmitButton className={`btn btn-small ${revoked ? '' : 'btn-danger'}`}>{verb}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
