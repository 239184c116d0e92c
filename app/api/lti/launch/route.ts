import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth';
import { absoluteUrl, serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { linkCookie } from '@/lib/lti/link-cookie';
import { type LaunchOutcome, completeLaunch } from '@/lib/services/lti';

export const dynamic = 'force-dynamic';

// LTI 1.3 launch ("Redirection URI" / "Target link URI" redirect): the LMS's browser posts the
// signed id_token and the state here. Any failure is a plain 4xx page and opens no session.

const launchForm = z.object({ id_token: z.string().min(10).max(20_000), state: z.string().min(10).max(200) });

export async function POST(request: Request) {
  let outcome: LaunchOutcome;
  try {
    const form = await request.formData().catch(() => new FormData());
    const parsed = launchForm.safeParse({ id_token: form.get('id_token'), state: form.get('state') });
    if (!parsed.success) throw new AppError('bad_request', 'lti launch form', 'This LMS launch is missing its signed token or state. Open the activity again from your course.');
    outcome = await completeLaunch(getDb(), { idToken: parsed.data.id_token, state: parsed.data.state }, { publicUrl: serverEnv().publicUrl });
  } catch (error) {
    return errorResponse(error, 'text', 'lti-launch');
  }
  if (outcome.kind === 'link') {
    const secure = serverEnv().publicUrl.startsWith('https://') ? '; Secure' : '';
    return new Response(null, {
      status: 303,
      headers: { location: absoluteUrl('/lti/link'), 'cache-control': 'no-store', 'set-cookie': `${linkCookie}=${outcome.ticket}; Path=/lti; Max-Age=900; HttpOnly; SameSite=Lax${secure}` },
    });
  }
  try {
    // next-auth sets its session cookie on this response; the redirect is ours, a 303 so the
    // browser GETs the lesson (the default 307 would repeat the POST there).
    await signIn('lti', { ticket: outcome.ticket, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return errorResponse(new AppError('bad_request', 'lti ticket refused', 'This launch has expired. Open the activity again from your course.'), 'text');
    throw error;
  }
  return new Response(null, { status: 303, headers: { location: absoluteUrl(outcome.landing), 'cache-control': 'no-store' } });
}
