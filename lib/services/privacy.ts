import 'server-only';
// A person's data in their hands: their export, and the deletion of their account (a request, a
// grace period during which signing in cancels it, then the erasure the privacy registry describes).
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { markMembershipChanged } from '@/db/queries/cohort-members';
import { accountsDueForErasure, applyErasure, clearDeletionRequest, exportRows, hasOtherAdmin, identityOf, lockDueAccount, markDeletionRequested } from '@/db/queries/privacy';
import { deleteUserSessions } from '@/db/queries/sessions';
import { type Role, certificateStatusChanges, certificates, cohortMemberships } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type TableRule, accountDeletedReason, deletionGraceDays, privacyRegistry } from '@/lib/privacy/registry';
import { withoutAnswerKeys } from '@/lib/privacy/export-shape';

const dayMs = 86_400_000;

export { accountDeletedReason } from '@/lib/privacy/registry';

/** When a deletion asked for at `requestedAt` is carried out. */
export function erasureDate(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + deletionGraceDays * dayMs);
}

export type PersonalData = { exportedAt: string; tables: Record<string, Record<string, unknown>[]> };

/** Every row of the acting person in every exportable table, secrets and answer keys left out. A read: it writes nothing (it serves a GET). */
export async function collectPersonalData(db: Db, userId: string, now = new Date()): Promise<PersonalData> {
  const who = await identityOf(db, userId);
  if (!who) throw new AppError('not_found', `user ${userId}`);
  const tables: PersonalData['tables'] = {};
  for (const [table, rule] of Object.entries(privacyRegistry as Record<string, TableRule>)) {
    if (rule.export !== true) continue;
    const rows = await exportRows(db, table, rule, who);
    const reshaped = Object.entries(rule.columns).filter(([, c]) => c.export === 'without-keys');
    tables[table] = rows.map((row) => ({ ...row, ...Object.fromEntries(reshaped.map(([name]) => [name, withoutAnswerKeys(row[name])])) }));
  }
  return { exportedAt: now.toISOString(), tables };
}

export type DeletionRequest = { status: 'requested'; erasureOn: Date } | { status: 'mismatch' } | { status: 'last-admin' };

/**
 * The person asks to delete their account, confirming by typing its e-mail address. Every session
 * ends at once; signing in again within the grace period cancels the request.
 */
export async function requestAccountDeletion(db: Db, account: { id: string; email: string; role: Role }, typedEmail: string, now = new Date()): Promise<DeletionRequest> {
  if (typedEmail.trim().toLowerCase() !== account.email.toLowerCase()) return { status: 'mismatch' };
  // The site would be left with nobody able to administer it.
  if (account.role === 'admin' && !(await hasOtherAdmin(db, account.id))) return { status: 'last-admin' };
  await db.transaction(async (tx) => {
    if (!(await markDeletionRequested(tx, account.id, now))) throw new AppError('not_found', `user ${account.id}`);
    await recordAudit(tx, { actorId: account.id, action: 'user.deletion_requested', subjectType: 'user', subjectId: account.id, detail: { erasureOn: erasureDate(now).toISOString() } });
    await deleteUserSessions(tx, account.id);
  });
  return { status: 'requested', erasureOn: erasureDate(now) };
}

/** Called on every successful sign-in: a pending deletion is cancelled (and audited). True when one was. */
export async function cancelDeletionOnSignIn(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await clearDeletionRequest(tx, userId))) return false;
    await recordAudit(tx, { actorId: userId, action: 'user.deletion_cancelled', subjectType: 'user', subjectId: userId, detail: { by: 'sign-in' } });
    return true;
  });
}

/**
 * Erases one account whose grace period is over, in one transaction: its certificates revoked
 * (kept as tombstones), its cohort memberships ended, then every table as the registry says.
 * False when it is no longer due (the person signed in, or another pass got there first).
 */
export async function eraseAccount(db: Db, userId: string, now = new Date()): Promise<boolean> {
  const requestedBefore = new Date(now.getTime() - deletionGraceDays * dayMs);
  const cohortIds = await db.transaction(async (tx) => {
    if (!(await lockDueAccount(tx, userId, requestedBefore))) return null;
    const who = await identityOf(tx, userId);
    if (!who) return null;
    const revoked = await tx
      .update(certificates)
      .set({ revokedAt: now, revokedBy: null, revokedReason: accountDeletedReason })
      .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt)))
      .returning({ id: certificates.id, code: certificates.code });
    if (revoked.length > 0) {
      await tx.insert(certificateStatusChanges).values(revoked.map((c) => ({ certificateId: c.id, action: 'revoked' as const, reason: accountDeletedReason, actorId: null, at: now })));
    }
    for (const c of revoked) {
      await recordAudit(tx, { actorId: null, action: 'certificate.revoked', subjectType: 'certificate', subjectId: c.id, detail: { code: c.code, reason: accountDeletedReason } });
    }
    const memberships = await tx
      .select({ cohortId: cohortMemberships.cohortId })
      .from(cohortMemberships)
      .where(and(eq(cohortMemberships.userId, userId), isNull(cohortMemberships.leftAt)));
    await applyErasure(tx, who, now);
    for (const { cohortId } of memberships) await markMembershipChanged(tx, cohortId);
    await recordAudit(tx, { actorId: null, action: 'user.erased', subjectType: 'user', subjectId: userId, detail: { certificatesRevoked: revoked.length } });
    return memberships.map((m) => m.cohortId);
  });
  return cohortIds !== null;
}

/** The recovery pass's share: erases every account whose grace period is over; returns how many. */
export async function eraseDueAccounts(db: Db, now = new Date()): Promise<number> {
  const due = await accountsDueForErasure(db, new Date(now.getTime() - deletionGraceDays * dayMs));
  let erased = 0;
  for (const id of due) {
    try {
      if (await eraseAccount(db, id, now)) erased += 1;
    } catch (error) {
      // One account that cannot be erased (a bug, a new table's rule) must not hold up the others; the next pass retries it.
      console.error(`[privacy] erasing account ${id} failed; retried on the next pass`, error);
    }
  }
  return erased;
}
