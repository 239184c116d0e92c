'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { professionOptions } from '@/components/forms/options';
import { updateProfileAction } from './actions';

type Profile = { name: string; profession: string; institution: string | null; registrationNumber: string | null };

export function ProfileForm({ profile }: { profile: Profile }) {
  const [state, action] = useActionState(updateProfileAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Full name" autoComplete="name" required defaultValue={v.name ?? profile.name} error={e.name} />
      <SelectField name="profession" label="I am a" options={professionOptions} defaultValue={v.profession ?? profile.profession} error={e.profession} />
      <Field name="institution" label="Medical school or hospital" defaultValue={v.institution ?? profile.institution ?? ''} error={e.institution} />
      <Field
        name="registrationNumber"
        label="Professional registration number (optional)"
        hint="Your council and number, e.g. PMDC 12345-P: printed on certificates issued from now on and shown on their verification page."
        defaultValue={v.registrationNumber ?? profile.registrationNumber ?? ''}
        error={e.registrationNumber}
      />
      <SubmitButton>Save profile</SubmitButton>
    </form>
  );
}
