'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { roleOptions } from '@/components/forms/options';
import { changeRoleAction } from './actions';

export function RoleForm({ userId, role, label }: { userId: string; role: string; label: string }) {
  const [state, action] = useActionState(changeRoleAction, idleState);
  return (
    <form action={action} className="role-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="sr-only">
        Role of {label}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
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
