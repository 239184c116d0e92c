import type { SelectHTMLAttributes } from 'react';

type SelectFieldProps = {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>;

/** A labelled select with its error wired for screen readers. */
export function SelectField({ name, label, options, error, ...select }: SelectFieldProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={errorId} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
