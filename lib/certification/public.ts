import 'server-only';
import type { getPublicCertificate } from '@/db/queries/certificates';
import { certificateStatus } from '@/lib/domain/certification';
import { readCertificateDetails } from './details';

type PublicRow = NonNullable<Awaited<ReturnType<typeof getPublicCertificate>>>;

/** What a verifier is told: the holder's name and registration, the programme and what it states, the dates and valid / expired / revoked. */
export function publicRecord(cert: PublicRow, now: Date) {
  const status = certificateStatus(cert, now, 0);
  return {
    code: cert.code,
    status: status === 'recertify-soon' ? 'valid' : status,
    holderName: cert.holderName,
    holderRegistration: cert.holderRegistration,
    programme: { id: cert.programmeId, title: cert.programmeTitle },
    issuedAt: cert.issuedAt.toISOString(),
    expiresAt: cert.expiresAt.toISOString(),
    revokedAt: cert.revokedAt?.toISOString() ?? null,
    hours: cert.cpdHours,
    details: readCertificateDetails(cert.details),
  };
}
