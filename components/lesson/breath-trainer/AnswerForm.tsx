import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type BreathAnswer, type Classification, formatAge } from '@/lib/domain/breathing';
import type { BreathScenario } from '@/lib/content/schemas/trainer';

type Props = { scenario: BreathScenario; seconds: number; taps: number; onAnswer: (answer: BreathAnswer) => void };

const clock = (s: number) => `0:${String(Math.floor(s)).padStart(2, '0')}`;
const indrawingOptions: [boolean, string][] = [
  [true, 'Yes: the lower chest goes in when the child breathes in'],
  [false, 'No'],
];

/** After the minute: the count, the classification and indrawing, checked before anything is graded. */
export function AnswerForm({ scenario, seconds, taps, onAnswer }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [count, setCount] = useState(taps > 0 ? String(taps) : '');
  const [classification, setClassification] = useState<Classification | null>(null);
  const [indrawing, setIndrawing] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const { name, age } = scenario.child;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = count.trim() === '' ? null : Number(count);
    if (!classification) return setError('Choose whether this is fast breathing, or that the count cannot be used.');
    if (classification !== 'invalid' && (n === null || !Number.isInteger(n) || n < 0 || n > 200)) {
      return setError('Enter the number of breaths you counted, as a whole number.');
    }
    if (classification !== 'invalid' && indrawing === null) return setError('Say whether you saw lower chest indrawing.');
    setError(null);
    onAnswer({ count: classification === 'invalid' ? null : n, classification, indrawing: classification === 'invalid' ? null : indrawing });
  };

  const options: [Classification, string][] = [
    ['fast', `Fast breathing for a child of ${formatAge(age)}`],
    ['not-fast', 'Not fast breathing'],
    ['invalid', 'The count cannot be used: ask for a re-count'],
  ];
  return (
    <form className="mt-4 space-y-4" onSubmit={submit} noValidate>
      <h3 ref={heading} tabIndex={-1} className="mt-0">
        {seconds >= 60 ? 'The minute is up.' : `You stopped at ${clock(seconds)}.`} What did you find?
      </h3>
      <div className="field">
        <label htmlFor={`${id}-count`} className="font-semibold">
          Breaths you counted in the minute
        </label>
        <input id={`${id}-count`} name="count" inputMode="numeric" className="w-32" value={count} onChange={(e) => setCount(e.target.value)} aria-describedby={`${id}-count-hint`} />
        <p id={`${id}-count-hint`} className="hint m-0">
          {taps > 0 ? `You tapped ${taps} times. ` : ''}Leave it empty if the count cannot be used.
        </p>
      </div>
      <fieldset>
        <legend className="font-semibold">Is this fast breathing for {name}?</legend>
        {options.map(([value, text]) => (
          <label key={value} className="mt-1 flex items-start gap-2 font-normal">
            <input type="radio" name={`${id}-class`} value={value} className="mt-1.5" checked={classification === value} onChange={() => setClassification(value)} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={classification === 'invalid'}>
        <legend className="font-semibold">Did you see lower chest indrawing?</legend>
        {indrawingOptions.map(([value, text]) => (
          <label key={text} className="mt-1 flex items-start gap-2 font-normal">
            <input type="radio" name={`${id}-indrawing`} value={String(value)} className="mt-1.5" checked={indrawing === value} onChange={() => setIndrawing(value)} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p role="alert" className="field-error m-0">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary">
        Check my answer
      </button>
    </form>
  );
}
