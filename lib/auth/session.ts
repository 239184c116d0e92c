import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { type SessionUser, getSessionUser } from '@/db/queries/sessions';
import type { Role } from '@/db/schema';
import { roleIncludes } from '@/lib/domain/roles';
import { safeNext } from '@/lib/validation/redirect';
import { currentSessionId } from './session-id';

/** The signed-in user, checked against the sessions table on every request (once per request). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const sid = await currentSessionId();
  if (!sid) return null;
  return getSessionUser(getDb(), sid, new Date());
});

export { safeNext } from '@/lib/validation/redirect';

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNext(returnTo))}`);
  return user;
}

/** Whether a user's role includes the powers of another (admin ⊃ instructor and reviewer ⊃ learner; see lib/domain/roles). */
export function hasRole(user: { role: Role }, role: Role): boolean {
  return roleIncludes(user.role, role);
}

/** The signed-in user if their role is at least `role`; otherwise sign in, or the 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbidden();
  return user;
}
