'use client';
import { type Dispatch, type FormEvent, type SetStateAction, createContext, startTransition, useContext, useEffect, useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ChoiceAction } from '@/lib/content/schemas/case';
import type { PublicChoice } from '@/lib/domain/consult';
import { actionLabels, actionOrder } from './labels';

type Props = {
  caseId: string;
  attemptId: string;
  step: number;
  choices: PublicChoice[];
  /** The server action each choice's form posts without JavaScript (its answer is not read here). */
  action: (formData: FormData) => void;
  /** With JavaScript: takes the choice instead of the form's post, and draws what comes back. */
  onChoose: (formData: FormData) => Promise<void>;
};

/** The choice being sent, shared by every choice's form: while one is on its way, none can be pressed. */
const SendingContext = createContext<{ sending: string | null; setSending: Dispatch<SetStateAction<string | null>> }>({
  sending: null,
  setSending: () => undefined,
});

/**
 * A choice's button. useFormStatus knows only its own form, so it reports its pending state to the
 * group; on a slow link the learner sees which choice is on its way and cannot send a second one.
 */
function ChoiceButton({ choice }: { choice: PublicChoice }) {
  const { pending } = useFormStatus();
  const { sending, setSending } = useContext(SendingContext);
  useEffect(() => {
    if (pending) setSending(choice.id);
    // A send that ends without leaving the room (a refused step re-renders it) frees the group again.
    else setSending((current) => (current === choice.id ? null : current));
  }, [pending, choice.id, setSending]);
  const mine = pending || sending === choice.id;
  return (
    <button
      type="submit"
      className={`btn w-full justify-start text-start font-normal ${mine ? 'border-brand bg-brand-soft' : ''}`}
      disabled={sending !== null || pending}
      aria-busy={mine || undefined}
      data-sending={mine || undefined}
    >
      {choice.label}
      {mine ? <span className="ms-2 whitespace-nowrap text-sm font-semibold text-brand">· Sending…</span> : null}
    </button>
  );
}

/**
 * The choices, grouped by what they do. Each is its own small form naming the attempt, the step it
 * was offered at and the choice, so it works without JavaScript (a plain post) and a double click or
 * a replayed request advances the consult once (the server checks the step). With JavaScript, a
 * pressed choice says it is being sent and the group is disabled until the room comes back.
 */
export function ChoiceGroups({ caseId, attemptId, step, choices, action, onChoose }: Props) {
  const [sending, setSending] = useState<string | null>(null);
  // React keeps the form's pending status (useFormStatus) for a transition started by a submit
  // handler that prevented the post, so the buttons show the choice on its way as before.
  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => onChoose(formData));
  };
  const groups = actionOrder
    .map((kind) => ({ kind, choices: choices.filter((c) => c.action === kind) }))
    .filter((g): g is { kind: ChoiceAction; choices: PublicChoice[] } => g.choices.length > 0);
  return (
    <SendingContext.Provider value={{ sending, setSending }}>
      <section aria-labelledby="choices-heading" className="stack" aria-busy={sending !== null || undefined}>
        <h2 id="choices-heading" className="m-0 text-lg">
          What do you do?
        </h2>
        <p role="status" className="m-0 text-sm text-brand" data-testid="choice-status">
          {sending !== null ? 'Sending your choice…' : ''}
        </p>
        {groups.map((group) => (
          <section key={group.kind} aria-labelledby={`group-${group.kind}`} data-action={group.kind}>
            <h3 id={`group-${group.kind}`} className="mt-0 text-base">
              {actionLabels[group.kind]}
            </h3>
            <ul className="space-y-2">
              {group.choices.map((choice) => (
                <li key={choice.id}>
                  <form action={action} onSubmit={choose}>
                    <input type="hidden" name="caseId" value={caseId} />
                    <input type="hidden" name="attemptId" value={attemptId} />
                    <input type="hidden" name="expectedStep" value={step} />
                    <input type="hidden" name="choiceId" value={choice.id} />
                    <ChoiceButton choice={choice} />
                  </form>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </SendingContext.Provider>
  );
}
