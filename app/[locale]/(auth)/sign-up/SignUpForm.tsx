'use client';
import Link from 'next/link';
import { type ReactNode, useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { signUpAction } from '../actions';

/** The form's words and links in the page's language (the page translates them). */
export type SignUpText = {
  name: string;
  email: string;
  emailHint: string;
  password: string;
  passwordHint: string;
  profession: string;
  professions: { value: string; label: string }[];
  institution: string;
  registration: string;
  registrationHint: ReactNode;
  submit: string;
  haveAccount: string;
  signIn: string;
  signInHref: string;
};

/** With `invitation` (an invitation link's token) and its address filled in, the new address counts as verified. */
export function SignUpForm({ next, invitation, email, text }: { next?: string; invitation?: string; email?: string; text: SignUpText }) {
  const [state, action] = useActionState(signUpAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <input type="hidden" name="invitation" value={invitation ?? ''} />
      <Field name="name" label={text.name} autoComplete="name" required defaultValue={v.name} error={e.name} />
      <Field name="email" label={text.email} type="email" autoComplete="email" required hint={text.emailHint} defaultValue={v.email ?? email} error={e.email} />
      <Field name="password" label={text.password} type="password" autoComplete="new-password" required hint={text.passwordHint} error={e.password} />
      <SelectField name="profession" label={text.profession} options={text.professions} defaultValue={v.profession ?? 'student'} error={e.profession} />
      <Field name="institution" label={text.institution} autoComplete="organization" defaultValue={v.institution} error={e.institution} />
      <Field name="registrationNumber" label={text.registration} hint={text.registrationHint} defaultValue={v.registrationNumber} error={e.registrationNumber} />
      <SubmitButton>{text.submit}</SubmitButton>
      <p className="muted">
        {text.haveAccount} <Link href={next ? `${text.signInHref}?next=${encodeURIComponent(next)}` : text.signInHref}>{text.signIn}</Link>
      </p>
    </form>
  );
}
