import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth';
import { absoluteUrl, serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { linkCookie } from './link-cookie';

// The end of a launch, in a first-party window: the launch's own answer (a new window), or the
// embedded start card's "Open in a new window" (POST /api/lti/continue).

/** Leaves the pending LMS identity's ticket in a cookie for /lti/link (15 minutes) and goes there. */
export function toLinkPage(ticket: string): Response {
  const secure = serverEnv().publicUrl.startsWith('https://') ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: { location: absoluteUrl('/lti/link'), 'cache-control': 'no-store', 'set-cookie': `${linkCookie}=${ticket}; Path=/lti; Max-Age=900; HttpOnly; SameSite=Lax${secure}` },
  });
}

/** Redeems the sign-in ticket through next-auth (which sets the session cookie on this answer) and goes to `landing`. */
export async function signInAndGo(ticket: string, landing: string): Promise<Response> {
  try {
    await signIn('lti', { ticket, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return errorResponse(new AppError('bad_request', 'lti ticket refused', 'This launch has expired. Open the activity again from your course.'), 'text');
    throw error;
  }
  // A 303, so the browser GETs the lesson (the default 307 would repeat the POST there).
  return new Response(null, { status: 303, headers: { location: absoluteUrl(landing), 'cache-control': 'no-store' } });
}
