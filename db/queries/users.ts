import 'server-only';
import { and, asc, count, eq, ilike, isNull, ne, or } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { type Profession, type Role, users } from '../schema';
import { recordAudit } from './audit';
import { deleteUserSessions } from './sessions';

export type Actor = { id: string; role: Role };

export type NewUser = {
  name: string;
  email: string;
  passwordHash: string;
  profession: Profession;
  institution?: string | null;
  registrationNumber?: string | null;
  role?: Role;
  /** Set when the address is already proven (a demo account, a sign-up through an invitation sent to it). */
  emailVerified?: Date | null;
};

const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  profession: users.profession,
  institution: users.institution,
  registrationNumber: users.registrationNumber,
  emailVerified: users.emailVerified,
  createdAt: users.createdAt,
};

/** Creates an account (a learner unless told otherwise); returns null when the email is taken. */
export async function createUser(db: Db, input: NewUser, actorId: string | null = null) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ ...input, email: input.email.toLowerCase(), role: input.role ?? 'learner' })
      .onConflictDoNothing({ target: users.email })
      .returning(publicColumns);
    if (!created) return null;
    await recordAudit(tx, {
      actorId: actorId ?? created.id,
      action: 'user.created',
      subjectType: 'user',
      subjectId: created.id,
      detail: { role: created.role },
    });
    return created;
  });
}

/** The account using this address, if any (name and verification only). */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified, role: users.role })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** The password hash of an account (checking the current password before a change). */
export async function passwordHashOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.hash ?? null;
}

/** Marks the account's current address verified (idempotent: the first date stays). Returns whether it changed. */
export async function markEmailVerified(db: Db, userId: string, email: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ emailVerified: now, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.email, email.toLowerCase()), isNull(users.emailVerified)))
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Sets a new password hash, audited. */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string, reason: 'reset' | 'change', now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
  await recordAudit(db, { actorId: userId, action: `user.password_${reason === 'reset' ? 'reset' : 'changed'}`, subjectType: 'user', subjectId: userId });
}

/** Moves the account to a new, proven address; null when another account took it meanwhile. Audited. */
export async function changeEmail(db: Db, userId: string, from: string, to: string, now: Date) {
  const [row] = await db
    .update(users)
    .set({ email: to.toLowerCase(), emailVerified: now, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id })
    .catch((error: unknown) => {
      // The unique address index: someone registered the address between the request and the confirmation.
      if (error instanceof Error && /unique|duplicate/i.test(`${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`)) return [];
      throw error;
    });
  if (!row) return null;
  await recordAudit(db, { actorId: userId, action: 'user.email_changed', subjectType: 'user', subjectId: userId, detail: { from, to } });
  return row;
}

/** The account with this email, with its password hash, for signing in. */
export async function findUserForSignIn(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, locale: users.locale })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export type ProfileUpdate = {
  name: string;
  profession: Profession;
  institution: string | null;
  registrationNumber: string | null;
};

/** Updates the acting user's own profile. */
export async function updateOwnProfile(db: Db, actor: Actor, update: ProfileUpdate) {
  const [row] = await db
    .update(users)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(users.id, actor.id))
    .returning(publicColumns);
  if (!row) throw new AppError('not_found', `user ${actor.id}`);
  return row;
}

/** Sets the acting user's own profession, which decides the programmes open to them. */
export async function setOwnProfession(db: Db, actor: Actor, profession: ProfileUpdate['profession']): Promise<void> {
  await db.update(users).set({ profession, updatedAt: new Date() }).where(eq(users.id, actor.id));
}

/** Remembers the acting user's interface language (the header's switch), applied when they sign in elsewhere. */
export async function setOwnLocale(db: Db, actor: Pick<Actor, 'id'>, locale: string): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.id));
}

/** Users matching a search, for admins only. */
export async function listUsers(db: Db, actor: Actor, opts: { query?: string; page?: number; pageSize?: number } = {}) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'listUsers');
  const pageSize = opts.pageSize ?? 50;
  const page = Math.max(1, opts.page ?? 1);
  const q = opts.query?.trim();
  const where = q ? or(ilike(users.email, `%${q}%`), ilike(users.name, `%${q}%`)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize };
}

/** Changes a user's role (admins only, audited); an admin cannot remove the last admin. */
export async function changeUserRole(db: Db, actor: Actor, userId: string, role: Role) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'changeUserRole');
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!target) throw new AppError('not_found', `user ${userId}`);
    if (target.role === role) return { changed: false as const, role };
    if (target.role === 'admin') {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), ne(users.id, userId)));
      if ((others?.n ?? 0) === 0) throw new AppError('conflict', 'cannot remove the last admin', 'This is the only admin account. Make another account an admin first, then change this one.');
    }
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      detail: { from: target.role, to: role },
    });
    return { changed: true as const, role };
  });
}

/** Ends every session of the acting user, audited. */
export async function signOutEverywhere(db: Db, actor: Actor) {
  const ended = await deleteUserSessions(db, actor.id);
  await recordAudit(db, { actorId: actor.id, action: 'user.sessions_revoked', subjectType: 'user', subjectId: actor.id, detail: { ended } });
  return ended;
}
