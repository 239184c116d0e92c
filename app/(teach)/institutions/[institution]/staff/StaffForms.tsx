'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { institutionRoleLabels } from '@/components/institutions/paths';
import { appointStaffAction } from '../../actions';

const roleOptions = Object.entries(institutionRoleLabels).map(([value, label]) => ({ value, label }));

export function AppointForm({ institutionId }: { institutionId: string }) {
  const [state, action] = useActionState(appointStaffAction, idleState);
  const v = state.values ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <Field name="email" label="Email" type="email" hint="The address of their account on this site." required defaultValue={v.email ?? ''} error={state.fieldErrors?.email} />
      <SelectField name="role" label="Role" options={roleOptions} defaultValue={v.role ?? 'instructor'} error={state.fieldErrors?.role} />
      <div>
        <SubmitButton>Appoint</SubmitButton>
      </div>
    </form>
  );
}

/** Changes a staff member's role (an appointment of the same person with another role). */
export function StaffRoleForm({ institutionId, email, role }: { institutionId: string; email: string; role: string }) {
  const [state, action] = useActionState(appointStaffAction, idleState);
  return (
    <form action={action} className="role-form">
      <input type="hidden" name="institutionId" value={institutionId} />
      <input type="hidden" name="email" value={email} />
      <label htmlFor={`role-${email}`} className="sr-only">
        Role of {email}
      </label>
      <select id={`role-${email}`} name="role" defaultValue={role}>
        {roleOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <SubmitButton className="btn btn-small">Change</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

