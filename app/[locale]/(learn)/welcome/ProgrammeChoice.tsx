'use client';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { chooseProgrammeAction } from './actions';

const choices = [
  { value: 'student', label: 'Medical student', hint: 'The curriculum your university assigns, towards the students’ certificate.' },
  { value: 'doctor', label: 'Practising doctor', hint: 'The practice certificate, with study hours for your CPD record.' },
] as const;

/** Student or practising doctor: two radios and a button, a plain form post before scripts load. */
export function ProgrammeChoice({ current }: { current: string }) {
  const [state, action] = useActionState(chooseProgrammeAction, idleState);
  const chosen = state.values?.profession ?? current;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <fieldset className="stack">
        <legend className="font-semibold">I am a…</legend>
        {choices.map((c) => (
          <label key={c.value} className="flex items-start gap-2 font-normal">
            <input type="radio" name="profession" value={c.value} defaultChecked={chosen === c.value} className="mt-1.5" />
            <span>
              <span className="font-semibold">{c.label}</span>
              <span className="block text-sm text-muted">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {state.fieldErrors?.profession ? <p className="field-error">{state.fieldErrors.profession}</p> : null}
      <div>
        <SubmitButton>Save my programme</SubmitButton>
      </div>
    </form>
  );
}
