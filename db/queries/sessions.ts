import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, users } from '../schema';

export const sessionDays = 30;

/** Opens a server-side session for a user and returns its token. */
export async function createSession(db: Db, userId: string, now: Date, userAgent?: string | null): Promise<string> {
  const sessionToken = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + sessionDays * 86_400_000);
  await db.insert(sessions).values({ sessionToken, userId, expires, userAgent: userAgent?.slice(0, 300) ?? null });
  return sessionToken;
}

/** The user behind a live session, read fresh so a role change or revocation applies on the next request. */
export async function getSessionUser(db: Db, sessionToken: string, now: Date) {
  const [row] = await db
    .select({
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
  return row ?? null;
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
