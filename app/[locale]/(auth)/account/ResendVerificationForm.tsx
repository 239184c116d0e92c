'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { resendVerificationAction } from './actions';

export function ResendVerificationForm() {
  const [state, action] = useActionState(resendVerificationAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <div>
        <SubmitButton className="btn btn-small">Send me a new link</SubmitButton>
      </div>
    </form>
  );
}
