import { z } from 'zod';
import { errorResponse } from '@/lib/http/respond';
import { AppError } from '@/lib/errors';
import { ltiHeaders } from '@/lib/lti/embedded-page';
import { signInAndGo, toLinkPage } from '@/lib/lti/finish-launch';
import { safeNext } from '@/lib/validation/redirect';

export const dynamic = 'force-dynamic';

// Embedded mode's first-party hop: the start card inside the LMS page posts the launch's
// single-use ticket here in a new window, where the session cookie is first-party.

const continueForm = z.object({ kind: z.enum(['sign-in', 'link']), ticket: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/), to: z.string().max(2000) });

export async function POST(request: Request) {
  const form = await request.formData().catch(() => new FormData());
  const parsed = continueForm.safeParse({ kind: form.get('kind'), ticket: form.get('ticket'), to: form.get('to') });
  if (!parsed.success) return ltiHeaders(errorResponse(new AppError('bad_request', 'lti continue form', 'This launch has expired. Open the activity again from your course.'), 'text'));
  const { kind, ticket, to } = parsed.data;
  return ltiHeaders(kind === 'link' ? toLinkPage(ticket) : await signInAndGo(ticket, safeNext(to)));
}
