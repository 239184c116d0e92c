'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { linkCookie } from '@/lib/lti/link-cookie';
import { failureState } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { linkPendingIdentity } from '@/lib/services/lti';
import type { FormState } from '@/components/forms/form-state';

const messages = {
  expired: 'This link request has expired or was already used. Open the activity again from your course.',
  taken: 'This LMS account is already linked to another account here. Sign in to that account, or ask your institution’s administrator.',
  'not-staff': 'Linked. Your LMS says you teach this course, but your account is not on the staff of the institution that registered it: ask its administrator to appoint you (Institution → Staff), then launch again.',
} as const;

/** Links the LMS identity waiting in this browser's cookie to the signed-in account, then goes on to the lesson. */
export async function linkLmsAction(_previous: FormState): Promise<FormState> {
  let landing: string;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized', 'link LMS account');
    const jar = await cookies();
    const raw = jar.get(linkCookie)?.value ?? '';
    jar.delete({ name: linkCookie, path: '/lti' });
    const result = await linkPendingIdentity(getDb(), user, raw);
    if (result.status !== 'linked') return { status: result.status === 'not-staff' ? 'ok' : 'error', message: messages[result.status] };
    landing = result.landing;
  } catch (error) {
    return failureState(error);
  }
  redirect(landing);
}
