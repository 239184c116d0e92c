'use client';
import { useFormStatus } from 'react-dom';
import type { FormState } from './form-state';

/** The submit button (with `name` and `value` when a form has several); disabled while the form is being sent so a double tap sends once. */
export function SubmitButton({ children, className = 'btn btn-primary', name, value }: { children: React.ReactNode; className?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? 'Please wait…' : children}
    </button>
  );
}

/** The form's overall message, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return <div role="status" aria-live="polite" />;
  const tone = state.status === 'ok' ? 'notice notice-ok' : 'notice notice-error';
  return (
    <div role={state.status === 'ok' ? 'status' : 'alert'} aria-live="polite" className={tone}>
      {state.message}
    </div>
  );
}
