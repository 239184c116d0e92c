import 'server-only';
import { after } from 'next/server';

/**
 * Runs `task` once the current response has been sent (Next's `after`), so e-mail goes out within
 * a second of the action without making the person wait for it. Outside a request (a script, a
 * test) it does nothing: the recovery pass does the same work on its next run.
 */
export function soon(task: () => Promise<void>): void {
  try {
    after(async () => {
      try {
        await task();
      } catch (error) {
        console.error('[outbox] background follow-up failed; the recovery pass will retry it', error);
      }
    });
  } catch {
    // Not in a request: nothing to attach to.
  }
}
