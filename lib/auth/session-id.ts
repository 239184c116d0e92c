import 'server-only';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { serverEnv } from '@/lib/env';

const secureName = '__Secure-authjs.session-token';

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
  // Only the cookie is read (not an Authorization header), under the name next-auth gave it.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: cookie.includes(secureName) });
  return typeof token?.sid === 'string' ? token.sid : null;
}
