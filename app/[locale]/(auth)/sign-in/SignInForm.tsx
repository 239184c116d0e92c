'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { signInAction } from '../actions';

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, idleState);
  const v = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={v.email} error={state.fieldErrors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <SubmitButton>Sign in</SubmitButton>
      <p className="m-0">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className="muted">
        New here? <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>Create an account</Link>
      </p>
    </form>
  );
}
