'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { SelectField } from '@/components/forms/SelectField';
import { idleState } from '@/components/forms/form-state';
import { type RosterState, closeCohortAction, createCohortAction, importRosterAction, removeMemberAction } from './actions';

export function CreateCohortForm({ programmes, institution }: { programmes: { value: string; label: string }[]; institution: string }) {
  const [state, action] = useActionState(createCohortAction, idleState);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Cohort name" hint="For example: MBBS Year 4, 2027 — telemedicine block" required defaultValue={v.name ?? ''} error={e.name} />
      <Field name="institution" label="Institution" required defaultValue={v.institution ?? institution} error={e.institution} />
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
          One email per row, in a column headed <code>email</code> (other columns are ignored), or a single column with no header. Up to 5,000 rows.
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
        {state.status === 'ok' && state.invitations.length > 0 ? (
          <div className="table-wrap">
            <table data-testid="invitation-links">
              <caption>Invitation links to send (each works once)</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Link</th>
                </tr>
              </thead>
              <tbody>
                {state.invitations.map((i) => (
                  <tr key={i.email}>
                    <td>{i.email}</td>
                    <td>
                      <input readOnly value={i.link} aria-label={`Invitation link for ${i.email}`} className="w-full font-mono text-xs" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </form>
  );
}

export function RemoveMemberForm({ cohortId, userId, name }: { cohortId: string; userId: string; name: string }) {
  const [state, action] = useActionState(removeMemberAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="btn btn-small">
        Remove <span className="sr-only">{name}</span>
      </SubmitButton>
      <FormMessage state={state} />
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
