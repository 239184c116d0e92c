import 'server-only';
// Institutions and their staff. Every function takes the acting person and checks, in the query,
// what lib/domain/institutions allows them at that institution; anything else is not_found.
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type InstitutionAct, type InstitutionRole, type StaffScope, institutionsWhere, mayAt } from '@/lib/domain/institutions';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { certificates, cohortMemberships, cohorts, institutionStaff, institutions, users } from '../schema';
import { recordAudit } from './audit';
import type { Actor } from './users';

const idSchema = z.uuid();

/** The acting person's roles at institutions, as the access rules read them. */
export async function staffScope(db: Db, actor: Actor): Promise<StaffScope> {
  const rows = await db.select({ id: institutionStaff.institutionId, role: institutionStaff.role }).from(institutionStaff).where(eq(institutionStaff.userId, actor.id));
  return { platformRole: actor.role, at: new Map(rows.map((r) => [r.id, r.role])) };
}

const summary = {
  id: institutions.id,
  name: institutions.name,
  shortName: institutions.shortName,
  country: institutions.country,
  province: institutions.province,
  emailDomain: institutions.emailDomain,
  signatoryName: institutions.signatoryName,
  signatoryTitle: institutions.signatoryTitle,
  logoVersion: institutions.logoVersion,
};

/** The institutions where the acting person may do `act`, by name (every one for a platform admin). */
export async function listInstitutions(db: Db, actor: Actor, act: InstitutionAct = 'read-dashboard') {
  const where = institutionsWhere(await staffScope(db, actor), act);
  if (where !== 'all' && where.length === 0) return [];
  return db
    .select(summary)
    .from(institutions)
    .where(and(isNull(institutions.mergedInto), where === 'all' ? undefined : inArray(institutions.id, where)))
    .orderBy(asc(institutions.name));
}

/** One institution the acting person may do `act` at; not_found otherwise (they cannot learn it exists). */
export async function institutionFor(db: Db, actor: Actor, institutionId: string, act: InstitutionAct) {
  if (idSchema.safeParse(institutionId).success && mayAt(await staffScope(db, actor), institutionId, act)) {
    const [row] = await db
      .select(summary)
      .from(institutions)
      .where(and(eq(institutions.id, institutionId), isNull(institutions.mergedInto)))
      .limit(1);
    if (row) return row;
  }
  throw new AppError('not_found', `institution ${institutionId} for ${actor.id} (${act})`);
}

export type InstitutionInput = { name: string; shortName: string; country: string; province: string | null; emailDomain: string | null };
export type InstitutionSettings = InstitutionInput & { signatoryName: string | null; signatoryTitle: string | null };

const nameTaken = new AppError('conflict', 'institution name', 'Another institution already has that name.');

/** A platform admin creates an institution (audited). A name already in use is refused. */
export async function createInstitution(db: Db, actor: Actor, input: InstitutionInput) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'createInstitution');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(institutions).values(input).onConflictDoNothing({ target: institutions.name }).returning({ id: institutions.id });
    if (!row) throw nameTaken;
    await recordAudit(tx, { actorId: actor.id, action: 'institution.created', subjectType: 'institution', subjectId: row.id, detail: { name: input.name } });
    return row;
  });
}

/** Its admins (or a platform admin) change an institution's settings (audited). */
export async function updateInstitution(db: Db, actor: Actor, institutionId: string, input: InstitutionSettings) {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  await db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.name, input.name), ne(institutions.id, institutionId)))
      .limit(1);
    if (clash) throw nameTaken;
    await tx.update(institutions).set(input).where(eq(institutions.id, institutionId));
    await recordAudit(tx, { actorId: actor.id, action: 'institution.updated', subjectType: 'institution', subjectId: institutionId, detail: { ...input } });
  });
}

/** Replaces (or, with null, removes) the logo; the caller has checked its type and size. */
export async function setInstitutionLogo(db: Db, actor: Actor, institutionId: string, logo: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg'; version: string } | null) {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  await db.transaction(async (tx) => {
    await tx
      .update(institutions)
      .set(logo ? { logo: logo.bytes, logoType: logo.type, logoVersion: logo.version } : { logo: null, logoType: null, logoVersion: null })
      .where(eq(institutions.id, institutionId));
    await recordAudit(tx, { actorId: actor.id, action: logo ? 'institution.logo.set' : 'institution.logo.removed', subjectType: 'institution', subjectId: institutionId, detail: logo ? { bytes: logo.bytes.length } : {} });
  });
}

/** An institution's logo, for anyone (it is printed on public certificates); null when it has none. */
export async function institutionLogo(db: Db, institutionId: string) {
  if (!idSchema.safeParse(institutionId).success) return null;
  const [row] = await db.select({ bytes: institutions.logo, type: institutions.logoType, version: institutions.logoVersion }).from(institutions).where(eq(institutions.id, institutionId)).limit(1);
  return row?.bytes && row.type ? { bytes: row.bytes, type: row.type, version: row.version } : null;
}

/** An institution's staff, for its admins (or a platform admin). */
export async function listStaff(db: Db, actor: Actor, institutionId: string) {
  await institutionFor(db, actor, institutionId, 'manage-staff');
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: institutionStaff.role, appointedAt: institutionStaff.appointedAt })
    .from(institutionStaff)
    .innerJoin(users, eq(users.id, institutionStaff.userId))
    .where(eq(institutionStaff.institutionId, institutionId))
    .orderBy(asc(users.name), asc(users.email));
}

async function adminCount(db: Db, institutionId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(institutionStaff).where(and(eq(institutionStaff.institutionId, institutionId), eq(institutionStaff.role, 'admin')));
  return row?.n ?? 0;
}

export type AppointResult = 'appointed' | 'changed' | 'no-account' | 'last-admin';

/**
 * Appoints the account with this address to the institution's staff, or changes their role there
 * (audited). A learner account becomes a staff account (platform role instructor): staff run
 * cohorts and do not join them. The last admin cannot demote themselves (a platform admin can).
 */
export async function appointStaff(db: Db, actor: Actor, institutionId: string, email: string, role: InstitutionRole): Promise<AppointResult> {
  await institutionFor(db, actor, institutionId, 'manage-staff');
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    if (!person) return 'no-account';
    const [current] = await tx
      .select({ role: institutionStaff.role })
      .from(institutionStaff)
      .where(and(eq(institutionStaff.institutionId, institutionId), eq(institutionStaff.userId, person.id)))
      .for('update');
    if (current?.role === 'admin' && role !== 'admin' && actor.role !== 'admin' && (await adminCount(tx, institutionId)) <= 1) return 'last-admin';
    await tx
      .insert(institutionStaff)
      .values({ institutionId, userId: person.id, role, appointedBy: actor.id })
      .onConflictDoUpdate({ target: [institutionStaff.institutionId, institutionStaff.userId], set: { role, appointedBy: actor.id, appointedAt: sql`now()` } });
    if (person.role === 'learner') await tx.update(users).set({ role: 'instructor' }).where(eq(users.id, person.id));
    await recordAudit(tx, { actorId: actor.id, action: current ? 'institution.staff.changed' : 'institution.staff.appointed', subjectType: 'institution', subjectId: institutionId, detail: { userId: person.id, role, from: current?.role ?? null } });
    return current ? 'changed' : 'appointed';
  });
}

/** Removes a person from the institution's staff (audited); the last admin stays unless a platform admin acts. */
export async function removeStaff(db: Db, actor: Actor, institutionId: string, userId: string): Promise<'removed' | 'not-staff' | 'last-admin'> {
  await institutionFor(db, actor, institutionId, 'manage-staff');
  if (!idSchema.safeParse(userId).success) return 'not-staff';
  return db.transaction(async (tx) => {
    const where = and(eq(institutionStaff.institutionId, institutionId), eq(institutionStaff.userId, userId));
    const [current] = await tx.select({ role: institutionStaff.role }).from(institutionStaff).where(where).for('update');
    if (!current) return 'not-staff';
    if (current.role === 'admin' && actor.role !== 'admin' && (await adminCount(tx, institutionId)) <= 1) return 'last-admin';
    await tx.delete(institutionStaff).where(where);
    await recordAudit(tx, { actorId: actor.id, action: 'institution.staff.removed', subjectType: 'institution', subjectId: institutionId, detail: { userId, role: current.role } });
    return 'removed';
  });
}

/**
 * A platform admin merges a near-duplicate into the institution that stays: its cohorts, staff
 * (keeping the role already held at the one that stays) and certificates move, and it is marked
 * merged (kept for the audit trail, no longer listed). Audited.
 */
export async function mergeInstitutions(db: Db, actor: Actor, fromId: string, intoId: string) {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'mergeInstitutions');
  if (fromId === intoId || !idSchema.safeParse(fromId).success || !idSchema.safeParse(intoId).success) throw new AppError('bad_request', 'merge ids', 'Choose two different institutions.');
  await db.transaction(async (tx) => {
    const found = await tx.select({ id: institutions.id, name: institutions.name }).from(institutions).where(and(inArray(institutions.id, [fromId, intoId]), isNull(institutions.mergedInto))).for('update');
    if (found.length !== 2) throw new AppError('not_found', 'merge institutions');
    await tx.update(cohorts).set({ institutionId: intoId }).where(eq(cohorts.institutionId, fromId));
    await tx.update(certificates).set({ institutionId: intoId }).where(eq(certificates.institutionId, fromId));
    await tx.execute(sql`insert into ${institutionStaff} (institution_id, user_id, role, appointed_by, appointed_at)
      select ${intoId}::uuid, user_id, role, appointed_by, appointed_at from ${institutionStaff} where institution_id = ${fromId}::uuid
      on conflict do nothing`);
    await tx.delete(institutionStaff).where(eq(institutionStaff.institutionId, fromId));
    await tx.update(institutions).set({ mergedInto: intoId }).where(eq(institutions.id, fromId));
    await recordAudit(tx, { actorId: actor.id, action: 'institution.merged', subjectType: 'institution', subjectId: intoId, detail: { from: fromId, names: found.map((f) => f.name) } });
  });
}

const countsRow = z.object({ rows: z.array(z.object({ cohorts: z.coerce.number(), learners: z.coerce.number(), staff: z.coerce.number() })).length(1) });

/** Counts for an institution's overview (the caller has checked access): cohorts, active learners, staff. */
export async function institutionCounts(db: Db, institutionId: string) {
  const result = await db.execute(sql`select
    (select count(*) from ${cohorts} c where c.institution_id = ${institutionId}) as cohorts,
    (select count(distinct m.user_id) from ${cohortMemberships} m join ${cohorts} c on c.id = m.cohort_id where c.institution_id = ${institutionId} and m.left_at is null) as learners,
    (select count(*) from ${institutionStaff} s where s.institution_id = ${institutionId}) as staff`);
  return countsRow.parse(result).rows[0]!;
}

/** Institutions whose e-mail domain is this address's (a suggestion to show its owner; grants nothing). */
export function institutionsForDomain(db: Db, domain: string) {
  return db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.emailDomain, domain.toLowerCase()), isNull(institutions.mergedInto)))
    .orderBy(asc(institutions.name));
}
