'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { changeEmailAction, changePasswordAction } from '../../(auth)/account/actions';

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="current" label="Current password" type="password" autoComplete="current-password" required error={e.current} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required hint="At least 12 characters; a few unrelated words work well. Common passwords are refused." error={e.password} />
      <Field name="confirm" label="The new password again" type="password" autoComplete="new-password" required error={e.confirm} />
      <div>
        <SubmitButton className="btn">Change password</SubmitButton>
      </div>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="email" label="New e-mail address" type="email" autoComplete="email" required defaultValue={state.values?.email} error={e.email} />
      <Field name="password" id="email-change-password" label="Your password" type="password" autoComplete="current-password" required error={e.password} />
      <div>
        <SubmitButton className="btn">Change e-mail address</SubmitButton>
      </div>
    </form>
  );
}
