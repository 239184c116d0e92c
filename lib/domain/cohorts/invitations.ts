// Where a cohort invitation stands, and who may answer it. Pure: the rows and `now` come in.

export type InvitationState = 'sending' | 'sent' | 'failed' | 'accepted' | 'declined' | 'revoked' | 'expired';

/** Failed tries after which the e-mail counts as failed (the event path keeps retrying it). */
export const MAIL_FAILED_AFTER = 3;

/** How long an invitation stays open; resending opens it again for as long. */
export const INVITATION_DAYS = 30;

type Invitation = { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date };
type MailState = { sentAt: Date | null; attempts: number } | null;

/** An invitation's state: an answer or a revocation first, then expiry, then how its e-mail went. */
export function invitationState(inv: Invitation, mail: MailState, now: Date): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.declinedAt) return 'declined';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (mail?.sentAt) return 'sent';
  return mail && mail.attempts >= MAIL_FAILED_AFTER ? 'failed' : 'sending';
}

export type AnswerRefusal = 'answered' | 'revoked' | 'expired' | 'other-account' | 'unverified';

/**
 * Whether this signed-in account may accept or decline: the invitation must still be open, and
 * the account must be the one it was sent to, with that address verified. An address anyone can
 * type into a sign-up form proves nothing; reading the mailbox does.
 */
export function mayAnswer(inv: Invitation & { email: string }, account: { email: string; emailVerified: Date | null }, now: Date): { ok: true } | { ok: false; reason: AnswerRefusal } {
  if (inv.acceptedAt || inv.declinedAt) return { ok: false, reason: 'answered' };
  if (inv.revokedAt) return { ok: false, reason: 'revoked' };
  if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (account.email.toLowerCase() !== inv.email.toLowerCase()) return { ok: false, reason: 'other-account' };
  if (!account.emailVerified) return { ok: false, reason: 'unverified' };
  return { ok: true };
}
