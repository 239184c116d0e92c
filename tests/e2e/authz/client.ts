// Requests as a browser makes them, and their outcomes read the way table.ts writes them.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { Outcome } from './table';

/** Paths compare with their ids replaced, so a redirect to a new attempt or cohort reads the same for everyone. */
export function normalisePath(pathname: string): string {
  return pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
}

/**
 * Calls a server action the way Next.js's client does: a POST to a page that renders its form, with
 * `Next-Action: <id>` and the arguments encoded as React's `encodeReply` encodes them (the form's
 * fields under `_1_`, and in part `0` the argument list: `[previous state, form data]` for a form
 * with useActionState, `[form data]` for a plain form action).
 */
export function callAction(api: APIRequestContext, at: string, id: string, call: 'state' | 'plain', fields: Record<string, string | Blob>): Promise<APIResponse> {
  // A FormData, not an object: the fields must precede part 0, which the server decodes as it streams in
  // (an object would put the integer-like key "0" first).
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append('0', call === 'state' ? '[{"status":"idle"},"$K1"]' : '["$K1"]');
  return api.post(at, { multipart, headers: { 'next-action': id, accept: 'text/x-component' }, maxRedirects: 0 });
}

const standardMessages: Record<string, Outcome> = {
  'You need to sign in first.': 'sign-in',
  'You do not have access to this.': 403,
  'We could not find that.': 404,
};

/** Where a redirect goes, as an outcome: sign-in (checking it comes back to `from`, a page's own path), or `→ /path`. */
function redirectOutcome(location: string, from: string | null): { outcome: Outcome; problem?: string } {
  const url = new URL(location, 'http://site.invalid');
  // Sent to sign in and back (a refusal); a plain /sign-in (signed out, or next-auth's error page) is a redirect like any other.
  if (url.pathname === '/sign-in' && url.searchParams.has('next')) {
    const next = url.searchParams.get('next');
    if (from !== null && next !== from) return { outcome: 'sign-in', problem: `sign-in comes back to ${next ?? 'nothing'}, not ${from}` };
    return { outcome: 'sign-in' };
  }
  return { outcome: `→ ${normalisePath(url.pathname)}` as Outcome };
}

export type Reading = { outcome: Outcome; detail: string; problem?: string };

/** A page's or route handler's outcome: its status, or where it redirects (a streamed redirect included). */
export async function readRoute(res: APIResponse, path: string): Promise<Reading> {
  const location = res.headers()['location'];
  if (res.status() >= 300 && res.status() < 400 && location) {
    // A page sends a signed-out visitor to sign in and back; a route handler's own redirects (next-auth) are statuses.
    if (location.includes('/sign-in') || !location.includes('/api/')) return { ...redirectOutcome(location, path), detail: `${res.status()} ${location}` };
    return { outcome: res.status(), detail: location };
  }
  if (res.status() === 200 && (res.headers()['content-type'] ?? '').includes('text/html')) {
    // A redirect after the page began streaming arrives as a refresh tag with status 200.
    const streamed = (await res.text()).match(/id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/);
    if (streamed) return { ...redirectOutcome(streamed[1]!.replace(/&amp;/g, '&'), path), detail: `streamed ${streamed[1]}` };
  }
  return { outcome: res.status(), detail: String(res.status()) };
}

/** A server action's outcome: its redirect, status, or the form state it answered with. */
export async function readAction(res: APIResponse): Promise<Reading> {
  const redirect = res.headers()['x-action-redirect'];
  if (redirect) return { ...redirectOutcome(redirect.split(';')[0]!, null), detail: `redirect ${redirect}` };
  if (res.status() !== 200) return { outcome: res.status(), detail: `${res.status()} ${(await res.text()).slice(0, 200)}` };
  const body = await res.text();
  const state = body.match(/\{"status":"(ok|error|invalid|idle)"(?:,"message":"((?:[^"\\]|\\.)*)")?/);
  if (!state) return { outcome: 200, detail: 'no form state' };
  const message: string = state[2] === undefined ? '' : JSON.parse(`"${state[2]}"`);
  const standard = standardMessages[message];
  if (standard !== undefined) return { outcome: standard, detail: message };
  if (state[1] === 'error') return { outcome: `error: ${message}`, detail: message };
  return { outcome: state[1] === 'invalid' ? 'invalid' : 'ok', detail: `${state[1]}: ${message}` };
}

/** Whether what happened is what the table expects (`error: …` by the message's start). */
export function matches(expected: Outcome, actual: Outcome): boolean {
  if (typeof expected === 'string' && expected.startsWith('error: ') && typeof actual === 'string') return actual.startsWith(expected);
  return expected === actual;
}

/** A success changes something; every other outcome is a refusal (or an answer that changes nothing). */
export function isSuccess(o: Outcome): boolean {
  return o === 'ok' || o === 200 || (typeof o === 'string' && o.startsWith('→'));
}

/** A refusal by authorization: not signed in, not allowed, or (someone else's) not found. */
export function isRefusal(o: Outcome): boolean {
  return o === 'sign-in' || o === 401 || o === 403 || o === 404;
}
