'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { forgotPasswordAction, resetPasswordAction } from './actions';
import { confirmEmailAction } from './account/actions';

export function ForgotPasswordForm({ email }: { email?: string }) {
  const [state, action] = useActionState(forgotPasswordAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} error={state.fieldErrors?.email} />
      <SubmitButton>Send me a link</SubmitButton>
      <p className="muted">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required hint="At least 12 characters; a few unrelated words work well. Common passwords are refused." error={e.password} />
      <Field name="confirm" label="The new password again" type="password" autoComplete="new-password" required error={e.confirm} />
      <SubmitButton>Set the new password</SubmitButton>
    </form>
  );
}

/** One press confirms the address (a link only opens this page: mail scanners that follow links use nothing up). */
export function ConfirmEmailForm({ token, purpose }: { token: string; purpose: 'verify-email' | 'change-email' }) {
  const [state, action] = useActionState(confirmEmailAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      <div>
        <SubmitButton>{purpose === 'verify-email' ? 'Confirm my e-mail address' : 'Use this address for my account'}</SubmitButton>
      </div>
    </form>
  );
}
