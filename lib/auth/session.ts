import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { type SessionUser, getSessionUser } from '@/db/queries/sessions';
import type { Role } from '@/db/schema';
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

const rank: Record<Role, number> = { learner: 0, instructor: 1, admin: 2 };

/** Whether a role includes the powers of another (admin ⊃ instructor ⊃ learner). */
export function hasRole(user: { role: Role }, role: Role): boolean {
  return rank[user.role] >= rank[role];
}

/** The signed-in user if their role is at least `role`; otherwise sign in, or the 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbidden();
  return user;
}
