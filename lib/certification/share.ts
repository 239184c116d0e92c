// Links a holder uses to show a certificate elsewhere. Pure.

type Shared = { programmeTitle: string; issuerName: string; issuedAt: Date; expiresAt: Date; code: string; verifyUrl: string };

/** LinkedIn's "Add to profile" link for a certification, with its fields filled in (the holder still confirms on LinkedIn). */
export function linkedInAddUrl(c: Shared): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: c.programmeTitle,
    organizationName: c.issuerName,
    issueYear: String(c.issuedAt.getUTCFullYear()),
    issueMonth: String(c.issuedAt.getUTCMonth() + 1),
    expirationYear: String(c.expiresAt.getUTCFullYear()),
    expirationMonth: String(c.expiresAt.getUTCMonth() + 1),
    certUrl: c.verifyUrl,
    certId: c.code,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
