import { z } from 'zod';
import { getDb } from '@/db/client';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { embeddedStartResponse, ltiHeaders } from '@/lib/lti/embedded-page';
import { signInAndGo, toLinkPage } from '@/lib/lti/finish-launch';
import { type LaunchOutcome, completeLaunch } from '@/lib/services/lti';

export const dynamic = 'force-dynamic';

// LTI 1.3 launch ("Redirection URI" / "Target link URI" redirect): the LMS's browser posts the
// signed id_token and the state here. Any failure is a plain 4xx page and opens no session. From a
// platform in embedded mode the answer is the start card its LMS page may frame (lib/lti/embedded-page.ts).

const launchForm = z.object({ id_token: z.string().min(10).max(20_000), state: z.string().min(10).max(200) });

export async function POST(request: Request) {
  let outcome: LaunchOutcome;
  try {
    const form = await request.formData().catch(() => new FormData());
    const parsed = launchForm.safeParse({ id_token: form.get('id_token'), state: form.get('state') });
    if (!parsed.success) throw new AppError('bad_request', 'lti launch form', 'This LMS launch is missing its signed token or state. Open the activity again from your course.');
    outcome = await completeLaunch(getDb(), { idToken: parsed.data.id_token, state: parsed.data.state }, { publicUrl: serverEnv().publicUrl });
  } catch (error) {
    return ltiHeaders(errorResponse(error, 'text', 'lti-launch'));
  }
  if (outcome.frameOrigins.length > 0) {
    return embeddedStartResponse({ kind: outcome.kind, ticket: outcome.ticket, to: outcome.kind === 'sign-in' ? outcome.landing : '/lti/link' }, outcome.frameOrigins);
  }
  return ltiHeaders(outcome.kind === 'link' ? toLinkPage(outcome.ticket) : await signInAndGo(outcome.ticket, outcome.landing));
}
