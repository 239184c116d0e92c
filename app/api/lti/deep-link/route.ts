import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { autoPostResponse } from '@/lib/lti/auto-post';
import { answerDeepLink } from '@/lib/services/lti-advantage/deep-linking';

export const dynamic = 'force-dynamic';

// Deep Linking 2.0: the picker's form posts the instructor's choice here; the answer is the page
// that posts the signed LtiDeepLinkingResponse to the LMS's return URL.

const pickForm = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/), item: z.string().min(3).max(120) });

export async function POST(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized', 'lti deep link without a session', 'Sign in again, then add the activity from your course once more.');
    const form = await request.formData().catch(() => new FormData());
    const parsed = pickForm.safeParse({ token: form.get('token'), item: form.get('item') });
    if (!parsed.success) throw new AppError('bad_request', 'lti deep link form', 'Choose one item from the list.');
    const { returnUrl, jwt } = await answerDeepLink(getDb(), user, parsed.data.token, parsed.data.item, serverEnv().publicUrl);
    return autoPostResponse(returnUrl, { JWT: jwt }, 'Adding the activity to your course…');
  } catch (error) {
    return errorResponse(error, 'text', 'lti-deep-link');
  }
}
