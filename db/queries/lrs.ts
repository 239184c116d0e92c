import 'server-only';
// An institution's Learning Record Store settings: read and changed only by its admins (and
// platform admins); anyone else is told the institution does not exist. The secret never leaves.
import { eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import type { Db } from '../client';
import { institutionLrs } from '../schema';
import { recordAudit } from './audit';
import { institutionFor } from './institutions';
import type { Actor } from './users';

/** What the settings page shows: everything but the secret, of which only whether one is set. */
export type LrsSettings = { id: string; endpoint: string; authKey: string; hasSecret: boolean; sendEmail: boolean; enabled: boolean; updatedAt: Date };

/** The institution's LRS settings, or null when it has none yet. */
export async function getLrsSettings(db: Db, actor: Actor, institutionId: string): Promise<LrsSettings | null> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  const [row] = await db.select().from(institutionLrs).where(eq(institutionLrs.institutionId, institutionId));
  if (!row) return null;
  return { id: row.id, endpoint: row.endpoint, authKey: row.authKey, hasSecret: row.authSecret.length > 0, sendEmail: row.sendEmail, enabled: row.enabled, updatedAt: row.updatedAt };
}

/** `encryptedSecret` null keeps the stored one (the form shows "set" and offers to replace it). */
export type LrsInput = { endpoint: string; authKey: string; encryptedSecret: string | null; sendEmail: boolean; enabled: boolean };

/** Creates or changes the institution's LRS settings (audited, without the secret). */
export async function saveLrsSettings(db: Db, actor: Actor, institutionId: string, input: LrsInput, now: Date = new Date()): Promise<void> {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: institutionLrs.id }).from(institutionLrs).where(eq(institutionLrs.institutionId, institutionId)).for('update');
    const fields = { endpoint: input.endpoint, authKey: input.authKey, sendEmail: input.sendEmail, enabled: input.enabled, updatedAt: now };
    if (existing) {
      await tx
        .update(institutionLrs)
        .set(input.encryptedSecret ? { ...fields, authSecret: input.encryptedSecret } : fields)
        .where(eq(institutionLrs.id, existing.id));
    } else {
      if (!input.encryptedSecret) throw new AppError('bad_request', 'LRS without a secret', 'Enter the LRS secret.');
      await tx.insert(institutionLrs).values({ ...fields, institutionId, authSecret: input.encryptedSecret });
    }
    const detail = { endpoint: input.endpoint, authKey: input.authKey, secretReplaced: input.encryptedSecret !== null, sendEmail: input.sendEmail, enabled: input.enabled };
    await recordAudit(tx, { actorId: actor.id, action: 'institution.lrs.saved', subjectType: 'institution', subjectId: institutionId, detail });
  });
}

/** The connection details of the institution's LRS, for its admins' "send a test statement". */
export async function lrsConnection(db: Db, actor: Actor, institutionId: string) {
  await institutionFor(db, actor, institutionId, 'edit-settings');
  const [row] = await db
    .select({ id: institutionLrs.id, endpoint: institutionLrs.endpoint, authKey: institutionLrs.authKey, authSecret: institutionLrs.authSecret })
    .from(institutionLrs)
    .where(eq(institutionLrs.institutionId, institutionId));
  if (!row) throw new AppError('not_found', `LRS of institution ${institutionId}`);
  return row;
}
