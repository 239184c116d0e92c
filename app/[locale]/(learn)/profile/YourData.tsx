'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { requestDeletionAction } from './actions';

/** Download my data, and delete my account (confirmed by typing the address; 14 days to change one's mind). */
export function YourData({ email, graceDays }: { email: string; graceDays: number }) {
  const [state, action] = useActionState(requestDeletionAction, idleState);
  return (
    <section aria-labelledby="your-data" className="stack">
      <h2 id="your-data">Your data</h2>
      <p className="m-0">
        <a className="btn" href="/profile/data.zip" download data-testid="download-data">
          Download my data
        </a>
      </p>
      <p className="small muted">A zip file: a readable summary (index.html) and one JSON file for each kind of record we hold about you — your account, progress, quiz attempts with your answers, consults with your notes, certificates, cohorts and sign-in history.</p>
      <details>
        <summary>Delete my account</summary>
        <form action={action} className="stack" noValidate>
          <FormMessage state={state} />
          <p className="small">
            You are signed out everywhere at once. For {graceDays} days you can change your mind by signing in again, which cancels the deletion. After that your name, e-mail address, details and learning records are erased. Kept, without your name: each certificate&apos;s code, programme and dates, marked revoked (so anyone checking one is told it was revoked, not that it never existed), and the log of actions on the site under an account number that no longer leads to you.
          </p>
          <Field name="email" id="delete-email" label={`Type ${email} to confirm`} type="email" autoComplete="off" required error={state.fieldErrors?.email} />
          <div>
            <SubmitButton className="btn btn-danger">Delete my account</SubmitButton>
          </div>
        </form>
      </details>
    </section>
  );
}
