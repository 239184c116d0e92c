'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { forgotPasswordAction, resetPasswordAction } from './actions';
import { confirmEmailAction } from './account/actions';

/** The forms' words, translated by the page (no translation runtime in the browser). */
export type ForgotLabels = { email: string; send: string; backToSignIn: string; signInHref: string };
export type ResetLabels = { newPassword: string; newPasswordHint: string; again: string; set: string };

export function ForgotPasswordForm({ email, labels }: { email?: string; labels: ForgotLabels }) {
  const [state, action] = useActionState(forgotPasswordAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="email" label={labels.email} type="email" autoComplete="email" required defaultValue={state.values?.email ?? email} error={state.fieldErrors?.email} />
      <SubmitButton>{labels.send}</SubmitButton>
      <p className="muted">
        <Link href={labels.signInHref}>{labels.backToSignIn}</Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token, labels }: { token: string; labels: ResetLabels }) {
  const [state, action] = useActionState(resetPasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={labels.newPassword} type="password" autoComplete="new-password" required hint={labels.newPasswordHint} error={e.password} />
      <Field name="confirm" label={labels.again} type="password" autoComplete="new-password" required error={e.confirm} />
      <SubmitButton>{labels.set}</SubmitButton>
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
