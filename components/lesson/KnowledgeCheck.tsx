'use client';
import { useId, useState } from 'react';

type Props = { question: string; options: string[]; answer: number; explanation: string };

/** A formative question answered in the page; the feedback shows at once and nothing is recorded. */
export function KnowledgeCheck({ question, options, answer, explanation }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const correct = checked && chosen === answer;
  return (
    <form
      className="kc my-6 rounded-lg border border-line bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== null) setChecked(true);
      }}
    >
      <fieldset>
        <legend className="font-semibold">
          <span className="block text-sm uppercase tracking-wide text-muted">Check your understanding</span>
          {question}
        </legend>
        <ul className="kc-options mt-3 space-y-2">
          {options.map((option, i) => (
            <li key={option}>
              <label className="flex cursor-pointer items-start gap-2 font-normal">
                <input
                  type="radio"
                  name={id}
                  value={i}
                  className="mt-1.5"
                  checked={chosen === i}
                  onChange={() => {
                    setChosen(i);
                    setChecked(false);
                  }}
                />
                <span>{option}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="btn btn-small mt-3" disabled={chosen === null}>
        Check answer
      </button>
      <div aria-live="polite" className="mt-3">
        {checked ? (
          <div className={correct ? 'notice notice-ok' : 'notice notice-error'}>
            <p className="m-0 font-semibold">{correct ? 'Correct.' : `Not quite. The best answer is: ${options[answer]}`}</p>
            <p className="m-0 mt-1 text-ink">{explanation}</p>
          </div>
        ) : null}
      </div>
      <noscript>
        <details className="mt-2">
          <summary>Show the answer</summary>
          <p>
            {options[answer]}. {explanation}
          </p>
        </details>
      </noscript>
    </form>
  );
}
