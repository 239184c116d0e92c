import 'server-only';
import type { getPublicCertificate } from '@/db/queries/certificates';
import { certificateStatus } from '@/lib/domain/certification';
import { absoluteUrl } from '@/lib/env';
import { type CertificateDetails, readCertificateDetails } from './details';

type PublicRow = NonNullable<Awaited<ReturnType<typeof getPublicCertificate>>>;

/**
 * The institution a certificate was earned through, as issued, with its logo (the address the
 * app serves it at, cacheable by version) only while the institution still has that version.
 */
export function institutionView(details: CertificateDetails, currentLogoVersion: string | null) {
  const { institution } = details;
  if (!institution) return null;
  const issuedWith = institution.logo && institution.logo.version === currentLogoVersion ? institution.logo.version : null;
  const path = issuedWith ? `/institutions/${institution.id}/logo?v=${encodeURIComponent(issuedWith)}` : null;
  return {
    id: institution.id,
    name: institution.name,
    signatory: institution.signatory,
    logo: path ? { path, url: absoluteUrl(path), alt: `Logo of ${institution.name}` } : null,
  };
}

/** What a verifier is told: the holder's name and registration, the programme and what it states, the dates and valid / expired / revoked. */
export function publicRecord(cert: PublicRow, now: Date) {
  const status = certificateStatus(cert, now, 0);
  const details = readCertificateDetails(cert.details);
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
    details,
    institution: institutionView(details, cert.institutionLogoVersion),
  };
}
