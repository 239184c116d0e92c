'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { linkLmsAction } from './actions';

export function LinkForm({ email }: { email: string }) {
  const [state, action] = useActionState(linkLmsAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <div>
        <SubmitButton>Link to {email}</SubmitButton>
      </div>
    </form>
  );
}
