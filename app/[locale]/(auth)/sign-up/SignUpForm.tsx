'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { professionOptions } from '@/components/forms/options';
import { signUpAction } from '../actions';

/** With `invitation` (an invitation link's token) and its address filled in, the new address counts as verified. */
export function SignUpForm({ next, invitation, email }: { next?: string; invitation?: string; email?: string }) {
  const [state, action] = useActionState(signUpAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <input type="hidden" name="invitation" value={invitation ?? ''} />
      <Field name="name" label="Full name" autoComplete="name" required defaultValue={v.name} error={e.name} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        hint={invitation ? 'The address your invitation was sent to: keep it, and it counts as confirmed.' : 'We will send a link to confirm it.'}
        defaultValue={v.email ?? email}
        error={e.email}
      />
      <Field name="password" label="Password" type="password" autoComplete="new-password" required hint="At least 12 characters; a few unrelated words work well. Common passwords are refused." error={e.password} />
      <SelectField name="profession" label="I am a" options={professionOptions} defaultValue={v.profession ?? 'student'} error={e.profession} />
      <Field name="institution" label="Medical school or hospital (optional)" autoComplete="organization" defaultValue={v.institution} error={e.institution} />
      <Field
        name="registrationNumber"
        label="Professional registration number (optional)"
        hint="Your council and number, e.g. PMDC 12345-P: printed on your certificates and shown on their verification page."
        defaultValue={v.registrationNumber}
        error={e.registrationNumber}
      />
      <SubmitButton>Create account</SubmitButton>
      <p className="muted">
        Already have an account? <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>Sign in</Link>
      </p>
    </form>
  );
}
