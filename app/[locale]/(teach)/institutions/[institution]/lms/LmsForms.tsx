'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { registerPlatformAction, removePlatformAction, setFramingAction } from '../../lms-actions';

type Option = { value: string; label: string };

export function RegisterPlatformForm({ institutionId, programmes }: { institutionId: string; programmes: readonly Option[] }) {
  const [state, action] = useActionState(registerPlatformAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <Field name="name" label="Name" hint="How your staff call it, e.g. “Moodle (main campus)”." required defaultValue={v.name ?? ''} error={e.name} />
      <Field name="issuer" label="Issuer (platform id)" hint="Moodle: the site address, e.g. https://moodle.example.edu. Canvas: https://canvas.instructure.com." required defaultValue={v.issuer ?? ''} error={e.issuer} />
      <Field name="clientId" label="Client id" hint="Given by the LMS when the tool was added (Canvas: the developer key’s id)." required defaultValue={v.clientId ?? ''} error={e.clientId} />
      <Field name="deploymentIds" label="Deployment ids" hint="One or more, separated by commas." required defaultValue={v.deploymentIds ?? ''} error={e.deploymentIds} />
      <Field name="authLoginUrl" label="Authentication request URL" hint="Moodle: …/mod/lti/auth.php. Canvas: https://sso.canvaslms.com/api/lti/authorize_redirect." required defaultValue={v.authLoginUrl ?? ''} error={e.authLoginUrl} />
      <Field name="tokenUrl" label="Access token URL" hint="Moodle: …/mod/lti/token.php. Canvas: https://sso.canvaslms.com/login/oauth2/token." required defaultValue={v.tokenUrl ?? ''} error={e.tokenUrl} />
      <Field name="jwksUrl" label="Public keyset URL" hint="Moodle: …/mod/lti/certs.php. Canvas: https://sso.canvaslms.com/api/lti/security/jwks." required defaultValue={v.jwksUrl ?? ''} error={e.jwksUrl} />
      <SelectField name="programmeId" label="Programme for its courses" options={programmes} defaultValue={v.programmeId ?? programmes[0]?.value} error={e.programmeId} />
      <div>
        <SubmitButton>Register</SubmitButton>
      </div>
    </form>
  );
}

export function RemovePlatformForm({ institutionId, platformId, name }: { institutionId: string; platformId: string; name: string }) {
  const [state, action] = useActionState(removePlatformAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="institutionId" value={institutionId} />
      <input type="hidden" name="platformId" value={platformId} />
      <SubmitButton className="btn btn-small">
        Remove <span className="sr-only">{name}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Embedded mode: which LMS pages may frame this platform's launches. */
export function FramingForm({ institutionId, platformId, frameOrigins, suggestion }: { institutionId: string; platformId: string; frameOrigins: readonly string[]; suggestion: string }) {
  const [state, action] = useActionState(setFramingAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="institutionId" value={institutionId} />
      <input type="hidden" name="platformId" value={platformId} />
      <Field
        name="frameOrigins"
        id={`frame-${platformId}`}
        label="Open in the LMS page (embedded): its origins"
        hint={`Empty (the default): launches open in a new window. To embed, enter the LMS's address(es), e.g. ${suggestion}, and set the tool's launch container to “Embed” in the LMS.`}
        defaultValue={state.values?.frameOrigins ?? frameOrigins.join(', ')}
        error={state.fieldErrors?.frameOrigins}
      />
      <div>
        <SubmitButton className="btn btn-small">Save</SubmitButton>
      </div>
    </form>
  );
}
