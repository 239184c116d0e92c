'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from './FormStatus';
import { type FormState, idleState } from './form-state';

/**
 * A row's role as a select with a Change button (a user's platform role, a staff member's role at
 * an institution): a few hidden values say whose, the action says what changing it means.
 */
export function RoleSelectForm({
  action,
  fields,
  id,
  label,
  options,
  value,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
}) {
  const [state, send] = useActionState(action, idleState);
  return (
    <form action={send} className="role-form">
      {Object.entries(fields).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} name="role" defaultValue={value}>
        {options.map((o) => (
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
