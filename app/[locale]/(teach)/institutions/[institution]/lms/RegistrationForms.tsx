'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { approvePlatformAction, createRegistrationLinkAction, rejectPlatformAction } from '../../lms-actions';

type Option = { value: string; label: string };

/** Makes a single-use registration link and shows it, to paste into the LMS. */
export function RegistrationLinkForm({ institutionId, programmes }: { institutionId: string; programmes: readonly Option[] }) {
  const [state, action] = useActionState(createRegistrationLinkAction, idleState);
  const link = state.status === 'ok' ? state.values?.link : undefined;
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      {link ? (
        <div className="field">
          <label htmlFor="registration-link">Registration URL</label>
          <input id="registration-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <input type="hidden" name="institutionId" value={institutionId} />
      <div className="field">
        {/* Its own id: the form registering by hand on the same page has a programmeId select too. */}
        <label htmlFor="registration-programme">Programme for its courses</label>
        <select id="registration-programme" name="programmeId" defaultValue={programmes[0]?.value}>
          {programmes.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {state.fieldErrors?.programmeId ? <p className="field-error">{state.fieldErrors.programmeId}</p> : null}
      </div>
      <div>
        <SubmitButton>Make a registration link</SubmitButton>
      </div>
    </form>
  );
}

/** Approves a pending platform, with its deployment ids (prefilled with what it sent). */
export function ApprovePlatformForm({ institutionId, platformId, deploymentIds, name }: { institutionId: string; platformId: string; deploymentIds: readonly string[]; name: string }) {
  const [state, action] = useActionState(approvePlatformAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <input type="hidden" name="platformId" value={platformId} />
      <Field
        name="deploymentIds"
        id={`deployments-${platformId}`}
        label="Deployment ids"
        hint="As the LMS sent them; if none came (Canvas makes one when the app is installed), enter the one it shows."
        defaultValue={state.values?.deploymentIds ?? deploymentIds.join(', ')}
        error={state.fieldErrors?.deploymentIds}
      />
      <div>
        <SubmitButton>
          Approve <span className="sr-only">{name}</span>
        </SubmitButton>
      </div>
    </form>
  );
}

export function RejectPlatformForm({ institutionId, platformId, name }: { institutionId: string; platformId: string; name: string }) {
  const [state, action] = useActionState(rejectPlatformAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="institutionId" value={institutionId} />
      <input type="hidden" name="platformId" value={platformId} />
      <SubmitButton className="btn btn-small">
        Reject <span className="sr-only">{name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
