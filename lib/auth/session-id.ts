import 'server-only';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { serverEnv } from '@/lib/env';

const secureName = '__Secure-authjs.session-token';

/**
 * Cookie headers already decrypted by this process, with the session id and expiry they hold. Opening
 * the cookie derives its key (HKDF) and decrypts it on every call, the largest single cost of a small
 * action (issue 20); a learner's next request sends the same header. Only headers that held a session
 * are kept (so no stranger can fill this), at most `remembered`, the oldest dropped first. The session
 * itself is still checked against the sessions table on every request, so signing out or revoking
 * a session takes effect at once.
 */
const opened = new Map<string, { sid: string; expiresMs: number }>();
const remembered = 2000;

/**
 * The id of the server-side session the request's signed cookie names, read on the server only.
 * It is kept out of next-auth's session object, which `/api/auth/session` hands to any script on
 * the page: a script that could read it could not use it (the cookie is httpOnly), but it is a
 * bearer secret all the same and has no business in JavaScript.
 */
export async function currentSessionId(): Promise<string | null> {
  const cookie = (await headers()).get('cookie') ?? '';
  if (!cookie) return null;
  const secret = serverEnv().AUTH_SECRET;
  if (!secret) return null;
  const known = opened.get(cookie);
  if (known && known.expiresMs > Date.now()) return known.sid;
  opened.delete(cookie);
  // Only the cookie is read (not an Authorization header), under the name next-auth gave it.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: cookie.includes(secureName) });
  if (typeof token?.sid !== 'string') return null;
  if (typeof token.exp === 'number') {
    opened.set(cookie, { sid: token.sid, expiresMs: token.exp * 1000 });
    if (opened.size > remembered) opened.delete(opened.keys().next().value ?? '');
  }
  return token.sid;
}
