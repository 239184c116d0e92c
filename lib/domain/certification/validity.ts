// Expiry and the recertification window of an issued certificate. Pure: `now` comes in.

/** Adds whole calendar months in UTC, clamping to the last day of a shorter month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

/** When a certificate issued at `issuedAt` expires. */
export function expiryDate(issuedAt: Date, validityMonths: number): Date {
  return addMonths(issuedAt, validityMonths);
}

export type CertificateStatus = 'valid' | 'recertify-soon' | 'expired' | 'revoked';

/**
 * A certificate is valid up to (not including) its expiry instant; within `windowDays` before it,
 * the holder is told to recertify. Revocation wins over everything.
 */
export function certificateStatus(cert: { expiresAt: Date; revokedAt: Date | null }, now: Date, windowDays: number): CertificateStatus {
  if (cert.revokedAt && cert.revokedAt.getTime() <= now.getTime()) return 'revoked';
  if (now.getTime() >= cert.expiresAt.getTime()) return 'expired';
  if (now.getTime() >= cert.expiresAt.getTime() - windowDays * 86_400_000) return 'recertify-soon';
  return 'valid';
}

/** Whether the next certificate of a programme may be issued now, and which evidence counts for it. */
export type IssueDecision = { issue: false; reason: 'valid' | 'revoked' } | { issue: true; cycle: number; assessedSince: Date | null };

/**
 * The rule after the latest certificate of a programme: none yet, a first issue on all the
 * evidence; a revoked one blocks every later cycle until an admin reinstates it; a valid one
 * blocks until its recertification window opens; from then on (and after expiry) the next cycle
 * needs the programme's quizzes and consults passed again since the window opened (lessons once
 * completed still count).
 */
export function nextCertificate(latest: { cycle: number; expiresAt: Date; revokedAt: Date | null } | null, now: Date, windowDays: number): IssueDecision {
  if (!latest) return { issue: true, cycle: 1, assessedSince: null };
  if (latest.revokedAt) return { issue: false, reason: 'revoked' };
  if (certificateStatus(latest, now, windowDays) === 'valid') return { issue: false, reason: 'valid' };
  return { issue: true, cycle: latest.cycle + 1, assessedSince: new Date(latest.expiresAt.getTime() - windowDays * 86_400_000) };
}
