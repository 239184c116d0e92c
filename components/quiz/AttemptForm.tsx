'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/components/forms/FormStatus';
import { type FormState, idleState } from '@/components/forms/form-state';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  /** The form's own post: saves the page's answers, then moves (works without script). */
  move: Action;
  /** Saves the page's answers; called on every change so nothing is lost if the learner leaves. */
  save: Action;
  fields: Record<string, string>;
  /** The save line's words, translated by the page. */
  labels: { offline: string; saving: string; saved: string; autosave: string };
  children: React.ReactNode;
};

/**
 * The attempt's answer form. The questions inside are rendered on the server from the public paper
 * only; this island adds saving on every change and says whether it worked. If a save is refused
 * (time up, submitted elsewhere) the page is reloaded from the server, which shows what is true.
 */
export function AttemptForm({ move, save, fields, labels, children }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [moveState, moveAction] = useActionState(move, idleState);
  const [saveState, saveAction, saving] = useActionState(save, idleState);
  // Chosen while offline: kept in the page, sent when the connection returns (the attempt waits on the server).
  const [unsent, setUnsent] = useState(false);

  const saveNow = () => {
    const current = form.current;
    if (!current) return;
    if (!navigator.onLine) {
      setUnsent(true);
      return;
    }
    setUnsent(false);
    startTransition(() => saveAction(new FormData(current)));
  };

  useEffect(() => {
    if (!unsent) return;
    const send = () => saveNow();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  });

  const message = moveState.status !== 'idle' ? moveState : saveState.status === 'error' ? saveState : idleState;

  useEffect(() => {
    if (saveState.status === 'error') router.refresh();
  }, [saveState, router]);

  return (
    <form
      ref={form}
      action={moveAction}
      className="stack"
      onChange={saveNow}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={message} />
      {children}
      <p className="small muted m-0" data-testid="save-status" aria-live="polite">
        {unsent
          ? labels.offline
          : saving
            ? labels.saving
            : saveState.status === 'ok'
              ? labels.saved
              : labels.autosave}
      </p>
    </form>
  );
}
