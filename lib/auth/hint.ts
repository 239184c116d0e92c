import 'server-only';
import { cookies } from 'next/headers';
import { sessionDays } from '@/db/queries/sessions';
import { isStaff } from '@/lib/domain/roles';
import type { Role } from '@/lib/domain/roles';
import { serverEnv } from '@/lib/env';
import { sessionHintCookie } from '@/lib/session-hint';

/** Leaves the header's hint (see lib/session-hint.ts) for as long as the session can last. */
export async function setSessionHint(role: Role): Promise<void> {
  (await cookies()).set(sessionHintCookie, isStaff(role) ? 'staff' : 'signed-in', {
    maxAge: sessionDays * 86_400,
    sameSite: 'lax',
    path: '/',
    httpOnly: false,
    secure: serverEnv().publicUrl.startsWith('https://'),
  });
}

/** Removes the hint at sign-out. */
export async function clearSessionHint(): Promise<void> {
  (await cookies()).delete(sessionHintCookie);
}
