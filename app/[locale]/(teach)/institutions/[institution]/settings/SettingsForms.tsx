'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { InstitutionFields } from '@/components/institutions/InstitutionFields';
import { logoAction, updateInstitutionAction } from '../../actions';

type Settings = { id: string; name: string; shortName: string | null; country: string | null; province: string | null; emailDomain: string | null; signatoryName: string | null; signatoryTitle: string | null };

export function SettingsForm({ institution }: { institution: Settings }) {
  const [state, action] = useActionState(updateInstitutionAction, idleState);
  const values = state.values ?? institution;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institution.id} />
      <InstitutionFields values={values} errors={e} />
      <Field name="signatoryName" label="Signatory’s name" hint="Printed on certificates earned through this institution’s cohorts." defaultValue={values.signatoryName ?? ''} error={e.signatoryName} />
      <Field name="signatoryTitle" label="Signatory’s title" hint="e.g. Dean, Faculty of Medicine" defaultValue={values.signatoryTitle ?? ''} error={e.signatoryTitle} />
      <div>
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}

export function LogoForm({ institutionId, hasLogo }: { institutionId: string; hasLogo: boolean }) {
  const [state, action] = useActionState(logoAction, idleState);
  const error = state.fieldErrors?.logo;
  return (
    <div className="stack">
      <FormMessage state={state} />
      <form action={action} className="stack" noValidate>
        <input type="hidden" name="institutionId" value={institutionId} />
        <div className="field">
          <label htmlFor="logo">Logo file</label>
          <p id="logo-hint" className="hint">
            PNG or JPEG, at most 100 kB; a square or wide image about 300 pixels across prints well.
          </p>
          <input id="logo" name="logo" type="file" accept="image/png,image/jpeg" aria-describedby={error ? 'logo-hint logo-error' : 'logo-hint'} aria-invalid={error ? true : undefined} />
          {error ? (
            <p id="logo-error" className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton>Upload logo</SubmitButton>
        </div>
      </form>
      {hasLogo ? (
        <form action={action}>
          <input type="hidden" name="institutionId" value={institutionId} />
          <input type="hidden" name="remove" value="yes" />
          <SubmitButton className="btn btn-small">Remove the logo</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
