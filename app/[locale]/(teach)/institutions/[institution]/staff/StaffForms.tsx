'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { staffRoleOptions } from '@/components/institutions/paths';
import { appointStaffAction } from '../../actions';

export function AppointForm({ institutionId }: { institutionId: string }) {
  const [state, action] = useActionState(appointStaffAction, idleState);
  const v = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <Field name="email" label="Email" type="email" hint="The address of their account on this site." required defaultValue={v.email ?? ''} error={state.fieldErrors?.email} />
      <SelectField name="role" label="Role" options={staffRoleOptions} defaultValue={v.role ?? 'instructor'} error={state.fieldErrors?.role} />
      <div>
        <SubmitButton>Appoint</SubmitButton>
      </div>
    </form>
  );
}

