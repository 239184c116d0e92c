import 'server-only';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { publicJwks, signingKey } from './keys';

export type BadgeInput = {
  id: string;
  code: string;
  holderName: string;
  programmeId: string;
  programmeTitle: string;
  programmeSummary: string;
  criteria: string;
  cpdHours: number | null;
  issuedAt: Date;
  expiresAt: Date;
  baseUrl: string;
};

const issuerName = 'TeleHealth Ready';

/** The Open Badges 3.0 credential (a W3C Verifiable Credential) for an issued certificate. */
export function buildOpenBadge(input: BadgeInput) {
  const verifyUrl = `${input.baseUrl}/verify/${input.code}`;
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: verifyUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `${input.baseUrl}/issuer`, type: ['Profile'], name: issuerName, url: input.baseUrl },
    issuanceDate: input.issuedAt.toISOString(),
    expirationDate: input.expiresAt.toISOString(),
    name: input.programmeTitle,
    credentialSubject: {
      id: `urn:uuid:${input.id}`,
      type: ['AchievementSubject'],
      name: input.holderName,
      achievement: {
        id: `${input.baseUrl}/certificates/programmes/${input.programmeId}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: input.programmeTitle,
        description: input.programmeSummary,
        criteria: { narrative: input.criteria },
        ...(input.cpdHours ? { creditsAvailable: input.cpdHours } : {}),
      },
      ...(input.cpdHours ? { creditsEarned: input.cpdHours } : {}),
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
