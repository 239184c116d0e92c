'use client';
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { syncRosterAction } from '../../lms-actions';

/**
 * "Sync roster now". With `auto` (the roster is stale) the page submits it once itself when it
 * opens: the page's GET reads only, and the sync is this form's POST, as if the button were pressed.
 */
export function RosterSyncForm({ cohortId, auto }: { cohortId: string; auto: boolean }) {
  const [state, send] = useActionState(syncRosterAction, idleState);
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (auto && !sent.current) {
      sent.current = true;
      form.current?.requestSubmit();
    }
  }, [auto]);
  return (
    <form action={send} ref={form} className="stack" data-testid="roster-sync">
      <input type="hidden" name="cohortId" value={cohortId} />
      <SubmitButton className="btn">Sync roster now</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
