'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from './FormStatus';
import { type FormState, idleState } from './form-state';

/**
 * One button that sends a few hidden values to an action and shows its answer beside it (remove a
 * member, a staff member, a co-teacher). `hidden` completes the button's name for screen readers.
 */
export function ButtonForm({
  action,
  fields,
  label,
  hidden,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  hidden: string;
}) {
  const [state, send] = useActionState(action, idleState);
  return (
    <form action={send}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className="btn btn-small">
        {label} <span className="sr-only">{hidden}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
