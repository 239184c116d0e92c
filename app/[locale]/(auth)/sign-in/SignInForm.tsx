'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { signInAction } from '../actions';

/** The form's words and links, in the page's language (the page translates them). */
export type SignInText = { email: string; password: string; signIn: string; forgot: string; newHere: string; createAccount: string; forgotHref: string; signUpHref: string };

export function SignInForm({ next, text }: { next?: string; text: SignInText }) {
  const [state, action] = useActionState(signInAction, idleState);
  const v = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field name="email" label={text.email} type="email" autoComplete="email" required defaultValue={v.email} error={state.fieldErrors?.email} />
      <Field name="password" label={text.password} type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <SubmitButton>{text.signIn}</SubmitButton>
      <p className="m-0">
        <Link href={text.forgotHref}>{text.forgot}</Link>
      </p>
      <p className="muted">
        {text.newHere} <Link href={next ? `${text.signUpHref}?next=${encodeURIComponent(next)}` : text.signUpHref}>{text.createAccount}</Link>
      </p>
    </form>
  );
}
