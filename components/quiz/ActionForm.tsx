'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { type FormState, idleState } from '@/components/forms/form-state';
import { useOpenNext } from '@/components/forms/use-open-next';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
};

/**
 * A one-button form for a quiz step (start, submit). The button is disabled while sending, and the
 * server applies the rules again whatever is sent: a refusal comes back as a message, and the page
 * to go to next (a submitted attempt's result) is opened here.
 */
export function ActionForm({ action, fields, label }: Props) {
  const [state, run] = useActionState(action, idleState);
  useOpenNext(state);
  return (
    <form action={run} className="stack">
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton>{label}</SubmitButton>
      </div>
    </form>
  );
}
