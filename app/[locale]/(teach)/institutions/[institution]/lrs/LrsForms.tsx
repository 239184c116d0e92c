'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { saveLrsAction, testLrsAction } from './actions';

type Settings = { endpoint: string; authKey: string; hasSecret: boolean; sendEmail: boolean; enabled: boolean };

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={`${name}-hint`} /> {label}
      </label>
      <p id={`${name}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}

export function LrsForm({ institutionId, settings }: { institutionId: string; settings: Settings | null }) {
  const [state, action] = useActionState(saveLrsAction, idleState);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const checked = (name: 'sendEmail' | 'enabled', fallback: boolean) => (v ? v[name] === 'on' : fallback);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <Field name="endpoint" label="xAPI endpoint" hint="The address your LRS gives for xAPI, e.g. https://lrs.example.org/xapi (https only)." defaultValue={v?.endpoint ?? settings?.endpoint ?? ''} error={e.endpoint} />
      <Field name="authKey" label="Key" hint="The basic-auth key (user name) of the LRS client created for this site." defaultValue={v?.authKey ?? settings?.authKey ?? ''} autoComplete="off" error={e.authKey} />
      <Field
        name="secret"
        label={settings?.hasSecret ? 'Secret (set; type a new one to replace it)' : 'Secret'}
        hint="Stored encrypted and never shown again."
        type="password"
        autoComplete="new-password"
        defaultValue=""
        error={e.secret}
      />
      <Checkbox name="sendEmail" label="Identify learners by e-mail" hint="Off: each learner is an account on this site (an opaque id). On: their e-mail address (mbox) is sent." defaultChecked={checked('sendEmail', settings?.sendEmail ?? false)} />
      <Checkbox name="enabled" label="Send learning records" hint="Off pauses sending; records wait and go once it is on again." defaultChecked={checked('enabled', settings?.enabled ?? true)} />
      <div>
        <SubmitButton>Save</SubmitButton>
      </div>
    </form>
  );
}

export function TestLrsForm({ institutionId }: { institutionId: string }) {
  const [state, action] = useActionState(testLrsAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <div>
        <SubmitButton className="btn btn-small">Send a test statement</SubmitButton>
      </div>
    </form>
  );
}
