'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { signOutEverywhereAction } from './actions';

export function SignOutEverywhere() {
  const [state, action] = useActionState(signOutEverywhereAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <p className="muted">Lost a phone, or signed in on a shared computer? This ends every session of your account, including this one.</p>
      <SubmitButton className="btn btn-danger">Sign out on all devices</SubmitButton>
    </form>
  );
}
