'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { type RosterState, closeCohortAction, createCohortAction, importRosterAction, inviteOneAction, resendInvitationAction, revokeInvitationAction } from './actions';

export function CreateCohortForm({ programmes, institutions }: { programmes: { value: string; label: string }[]; institutions: { value: string; label: string }[] }) {
  const [state, action] = useActionState(createCohortAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Cohort name" hint="For example: MBBS Year 4, 2027 — telemedicine block" required defaultValue={v.name ?? ''} error={e.name} />
      <SelectField name="institutionId" label="Institution" options={institutions} defaultValue={v.institutionId ?? institutions[0]?.value} error={e.institutionId} />
      <SelectField name="programmeId" label="Prepares for the certificate" options={programmes} defaultValue={v.programmeId ?? programmes[0]?.value} error={e.programmeId} />
      <Field name="dueDate" label="Due date" type="date" hint="Learners not certified by the end of this day count as behind." required defaultValue={v.dueDate ?? ''} error={e.dueDate} />
      <div>
        <SubmitButton>Create cohort</SubmitButton>
      </div>
    </form>
  );
}

const idleRoster: RosterState = { status: 'idle' };

export function RosterImportForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(importRosterAction, idleRoster);
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="field">
        <label htmlFor="roster-file">CSV file</label>
        <p id="roster-file-hint" className="hint">
          One email per row, in a column headed <code>email</code>, or a single column with no header. A column headed <code>student_id</code> (or “roll no”,
          “registration number”) is kept and appears in the export; other columns are ignored. Up to 10,000 rows.
        </p>
        <input id="roster-file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="roster-file-hint" />
      </div>
      <div className="field">
        <label htmlFor="roster-text">…or paste the emails</label>
        <textarea id="roster-text" name="roster" rows={5} spellCheck={false} />
      </div>
      <div>
        <SubmitButton>Import roster</SubmitButton>
      </div>
      <div role={state.status === 'ok' ? 'status' : 'alert'} aria-live="polite" data-testid="roster-result">
        {state.message ? <p className={state.status === 'ok' ? 'notice notice-ok' : 'notice notice-error'}>{state.message}</p> : null}
        {state.status === 'invalid' ? (
          <ul className="small">
            {state.errors.map((err) => (
              <li key={`${err.line}-${err.message}`}>
                Line {err.line}: {err.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}


export function CloseCohortForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(closeCohortAction, idleState);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="cohortId" value={cohortId} />
      <div>
        <SubmitButton className="btn btn-danger">Close the cohort to new members</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function InviteOneForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(inviteOneAction, idleState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <Field name="email" id="invite-email" label="E-mail address" type="email" required defaultValue={state.values?.email ?? ''} error={e.email} />
      <Field name="studentId" id="invite-student-id" label="Student ID (optional)" defaultValue={state.values?.studentId ?? ''} error={e.studentId} />
      <div>
        <SubmitButton className="btn">Send invitation</SubmitButton>
      </div>
    </form>
  );
}

/** Resend and withdraw for one open invitation. */
export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const [resent, resend] = useActionState(resendInvitationAction, idleState);
  const [revoked, revoke] = useActionState(revokeInvitationAction, idleState);
  return (
    <div className="flex flex-wrap gap-2">
      <form action={resend}>
        <input type="hidden" name="invitationId" value={invitationId} />
        <SubmitButton className="btn btn-small">
          Resend <span className="sr-only">to {email}</span>
        </SubmitButton>
        <FormMessage state={resent} />
      </form>
      <form action={revoke}>
        <input type="hidden" name="invitationId" value={invitationId} />
        <SubmitButton className="btn btn-small">
          Withdraw <span className="sr-only">the invitation to {email}</span>
        </SubmitButton>
        <FormMessage state={revoked} />
      </form>
    </div>
  );
}
