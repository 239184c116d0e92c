/**
 * What a form action returns; the form shows the message and any field errors, and refills its values.
 * An `ok` with `next` names the page to open now: a script's call gets it instead of a redirect, which
 * Next.js would answer by rendering the whole next page into the action's response.
 */
export type FormState =
  | { status: 'idle'; message?: undefined; fieldErrors?: undefined; values?: Record<string, string> }
  | { status: 'invalid'; message: string; fieldErrors: Record<string, string>; values?: Record<string, string> }
  | { status: 'error'; message: string; fieldErrors?: undefined; values?: Record<string, string> }
  | { status: 'ok'; message: string; fieldErrors?: undefined; values?: Record<string, string>; next?: string };

export const idleState: FormState = { status: 'idle' };
