import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { LAST_SEEN_RESOLUTION_MS, checkSession, learnerSession } from '@/lib/domain/session-lifetime';
import type { Db } from '../client';
import { sessions, users } from '../schema';

/** The longest any session lasts (a learner's); the signed cookie carries the same limit. */
export const sessionDays = learnerSession.absoluteMs / 86_400_000;

/** Opens a server-side session for a user and returns its token. */
export async function createSession(db: Db, userId: string, now: Date, userAgent?: string | null): Promise<string> {
  const sessionToken = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + learnerSession.absoluteMs);
  await db.insert(sessions).values({ sessionToken, userId, expires, createdAt: now, lastSeenAt: now, userAgent: userAgent?.slice(0, 300) ?? null });
  return sessionToken;
}

/**
 * The user behind a live session, read fresh so a role change or revocation applies on the next
 * request. A session past its role's idle or absolute limit (lib/domain/session-lifetime.ts) is
 * ended here; a live one has its last use written, at most every 5 minutes.
 */
export async function getSessionUser(db: Db, sessionToken: string, now: Date) {
  const [found] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      profession: users.profession,
      institution: users.institution,
      registrationNumber: users.registrationNumber,
      emailVerified: users.emailVerified,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, now)))
    .limit(1);
  if (!found) return null;
  const { createdAt, lastSeenAt, ...user } = found;
  const check = checkSession(user.role, { createdAt, lastSeenAt }, now);
  if (!check.live) {
    await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
    return null;
  }
  if (check.touch) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.sessionToken, sessionToken), lt(sessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS))));
  }
  return user;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** Ends one session. */
export async function deleteSession(db: Db, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
}

/** Ends every session of a user but one (after a password change, the session that made it stays). */
export async function deleteOtherSessions(db: Db, userId: string, keep: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.sessionToken, keep)))
    .returning({ t: sessions.sessionToken });
  return deleted.length;
}

/** Ends every session of a user ("sign out everywhere", or after an admin action). */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.sessionToken });
  return deleted.length;
}
