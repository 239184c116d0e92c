'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { type FormState, idleState } from '@/components/forms/form-state';
import { useOpenNext } from '@/components/forms/use-open-next';

type Props = {
  deadline: string;
  serverNow: string;
  /** The submit action and its fields: sent when the time runs out, so the grade is stored at once. */
  submit: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  /** Its words, translated by the page. */
  labels: { timeLeftLabel: string; timeLeft: string; timeUp: string; lessThanMinute: string; lessThanFive: string };
};

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * Time left in a timed attempt. The server is the authority: this only shows its deadline, offset
 * by the difference between the server's clock and this device's (so a wrong phone clock does not
 * matter), and when it reaches zero it submits the attempt; the server grades it with the answers
 * saved before the deadline and opens the result.
 */
export function Countdown({ deadline, serverNow, submit, fields, labels }: Props) {
  const end = Date.parse(deadline);
  const [left, setLeft] = useState(() => end - Date.parse(serverNow));
  const [sentState, send] = useActionState(submit, idleState);
  useOpenNext(sentState);
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);

  useEffect(() => {
    const offset = Date.parse(serverNow) - Date.now();
    const tick = () => {
      const remaining = end - (Date.now() + offset);
      setLeft(remaining);
      if (remaining <= -1000 && !sent.current) {
        sent.current = true;
        form.current?.requestSubmit();
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [end, serverNow]);

  const warning = left <= 60_000 ? labels.lessThanMinute : left <= 300_000 ? labels.lessThanFive : '';
  return (
    <div className={`notice ${left <= 300_000 ? 'notice-error' : ''}`} data-testid="countdown">
      <span role="timer" aria-label={labels.timeLeftLabel}>
        {labels.timeLeft} <strong dir={left > 0 ? 'ltr' : undefined}>{left > 0 ? clock(left) : labels.timeUp}</strong>
      </span>
      <span className="sr-only" aria-live="polite">
        {warning}
      </span>
      <form ref={form} action={send} hidden>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </form>
    </div>
  );
}
