import 'server-only';
import type { Db } from '@/db/client';
import { type StatusChange, changeCertificateStatus } from '@/db/queries/certificates';
import type { Actor } from '@/db/queries/users';
import { followUp } from './events/dispatch';

/** An admin revokes or reinstates a certificate with a reason; what follows the change runs before this returns. */
export async function setCertificateStatus(db: Db, actor: Actor, code: string, action: 'revoked' | 'reinstated', reason: string, now = new Date()): Promise<StatusChange> {
  const change = await changeCertificateStatus(db, actor, code, action, reason, now);
  if (change.status === 'changed') await followUp(db, change.userId, now);
  return change;
}
