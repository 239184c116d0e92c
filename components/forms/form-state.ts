/** What a form action returns; the form shows the message and any field errors, and refills its values. */
export type FormState =
  | { status: 'idle'; message?: undefined; fieldErrors?: undefined; values?: Record<string, string> }
  | { status: 'invalid'; message: string; fieldErrors: Record<string, string>; values?: Record<string, string> }
  | { status: 'error'; message: string; fieldErrors?: undefined; values?: Record<string, string> }
  | { status: 'ok'; message: string; fieldErrors?: undefined; values?: Record<string, string> };

export const idleState: FormState = { status: 'idle' };
