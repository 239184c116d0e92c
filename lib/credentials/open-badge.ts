import 'server-only';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import type { CertificateDetails } from '@/lib/certification/details';
import { publicJwks, signingKey } from './keys';

export type BadgeInput = {
  id: string;
  code: string;
  holderName: string;
  /** The holder's professional registration (e.g. "PMDC 12345-P"), when they gave one. */
  holderRegistration: string | null;
  programmeId: string;
  programmeTitle: string;
  programmeSummary: string;
  criteria: string;
  hours: number | null;
  details: CertificateDetails;
  issuedAt: Date;
  expiresAt: Date;
  baseUrl: string;
};

/** Where the competency framework the achievements are aligned to is published. */
const aamcFramework = { name: 'AAMC Telehealth Competencies (2021)', url: 'https://www.aamc.org/data-reports/report/telehealth-competencies' };

/** The Open Badges 3.0 credential (a W3C Verifiable Credential) for an issued certificate. */
export function buildOpenBadge(input: BadgeInput) {
  const verifyUrl = `${input.baseUrl}/verify/${input.code}`;
  const { details } = input;
  const { institution } = details;
  const through = institution ? `Earned through a cohort of ${institution.name}.` : null;
  const description = [input.programmeSummary, through, details.hoursStatement, details.framework, details.provider ? `Provided by ${details.provider}.` : null, details.accreditation]
    .filter(Boolean)
    .join(' ');
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `${input.baseUrl}/issuer`, type: ['Profile'], name: details.issuer?.name ?? 'TeleHealth Ready', url: input.baseUrl },
    issuanceDate: input.issuedAt.toISOString(),
    awardedDate: input.issuedAt.toISOString(),
    expirationDate: input.expiresAt.toISOString(),
    name: input.programmeTitle,
    credentialSubject: {
      id: `urn:uuid:${input.id}`,
      type: ['AchievementSubject'],
      name: input.holderName,
      ...(input.holderRegistration
        ? { identifier: [{ type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: input.holderRegistration }] }
        : {}),
      achievement: {
        id: `${input.baseUrl}/issuer#programme-${input.programmeId}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: input.programmeTitle,
        description,
        criteria: { narrative: input.criteria },
        alignment: details.competencies.map((c) => ({
          type: ['Alignment'],
          targetName: `${c.id} ${c.title}`,
          targetFramework: aamcFramework.name,
          targetCode: c.id,
          targetUrl: aamcFramework.url,
        })),
        // Credit is claimed only where a council has accredited the programme; otherwise the hours stay in the description.
        ...(input.hours && details.accreditation ? { creditsAvailable: input.hours } : {}),
      },
      ...(input.hours && details.accreditation ? { creditsEarned: input.hours } : {}),
      // Open Badges 3.0: `source` is the organisation that assessed the achievement on behalf of the issuer.
      ...(institution ? { source: { id: `urn:uuid:${institution.id}`, type: ['Profile'], name: institution.name } } : {}),
    },
  };
}

/** Signs a credential as a VC-JWT (Open Badges 3.0 §8.2: JWT proof format), EdDSA with the site's key. */
export async function signOpenBadge(input: BadgeInput): Promise<string> {
  const key = await signingKey();
  const vc = buildOpenBadge(input);
  return new SignJWT({ vc })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })
    .setIssuer(vc.issuer.id)
    .setSubject(vc.credentialSubject.id)
    .setJti(vc.id)
    .setNotBefore(Math.floor(input.issuedAt.getTime() / 1000))
    .setIssuedAt(Math.floor(input.issuedAt.getTime() / 1000))
    .setExpirationTime(Math.floor(input.expiresAt.getTime() / 1000))
    .sign(key.privateKey);
}

export type VerifyResult = { signatureValid: true; code: string | null; payload: Record<string, unknown> } | { signatureValid: false; reason: string };

/** Checks a VC-JWT's signature against the site's published key (expiry is reported separately, as status). */
export async function verifyOpenBadge(jwt: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(await publicJwks()), {
      algorithms: ['EdDSA'],
      // A certificate past its expiry still has a valid signature; its status says "expired".
      clockTolerance: Number.MAX_SAFE_INTEGER,
    });
    const code = typeof payload.jti === 'string' ? (payload.jti.split('/verify/')[1] ?? null) : null;
    return { signatureValid: true, code, payload };
  } catch (error) {
    return { signatureValid: false, reason: error instanceof Error ? error.message : 'invalid credential' };
  }
}
