import 'server-only';
import { type JWTPayload, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { audienceAccepted, landingPath } from '@/lib/domain/lti';
import { AppError } from '@/lib/errors';
import { type LaunchClaims, launchClaimsSchema } from '@/lib/validation/lti';

// Verifies a launch's id_token (LTI Core 1.3 §5.1.3; 1EdTech Security Framework §5.1.3).

// One remote key set per JWKS URL, kept for the process: jose refetches it when a token names a
// key it has not seen (the platform rotated its keys), at most every 30 seconds.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetFor(url: string) {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    keySets.set(url, set);
  }
  return set;
}

const refused = (detail: string, message = 'Your LMS’s launch could not be verified, so you were not signed in. Open the activity again from your course; if it keeps failing, tell your LMS administrator.') =>
  new AppError('bad_request', `lti launch: ${detail}`, message);

export type VerifiedLaunch = { claims: LaunchClaims; landing: string };

type Expected = { issuer: string; clientId: string; jwksUrl: string; deploymentIds: readonly string[]; nonce: string; publicUrl: string; now: Date };

/** The launch's claims when every check passes; otherwise a 400 naming (in the log only) what failed. */
export async function verifyLaunchToken(idToken: string, expected: Expected): Promise<VerifiedLaunch> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySetFor(expected.jwksUrl), {
      issuer: expected.issuer,
      algorithms: ['RS256', 'RS384', 'RS512'],
      currentDate: expected.now,
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'sub', 'nonce', 'aud'],
    }));
  } catch (error) {
    // The code only (never the token) goes to the log.
    const code = error instanceof errors.JOSEError ? error.code : 'unreadable';
    throw refused(code);
  }
  if (!audienceAccepted(payload.aud, typeof payload.azp === 'string' ? payload.azp : undefined, expected.clientId)) throw refused('audience');
  if (payload.nonce !== expected.nonce) throw refused('nonce');
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) throw refused(`claims ${parsed.error.issues.map((i) => i.path.join('.')).join(',')}`);
  const claims = parsed.data;
  if (claims.version !== '1.3.0') throw refused('version');
  if (claims.messageType === 'LtiResourceLinkRequest') {
    if (!claims.resourceLink) throw refused('claims resource_link');
  } else if (claims.messageType === 'LtiDeepLinkingRequest') {
    if (!claims.deepLinking) throw refused('claims deep_linking_settings');
  } else {
    throw refused('message type', 'This kind of LMS request is not supported. Add the activity as an external tool link instead.');
  }
  if (!expected.deploymentIds.includes(claims.deploymentId)) {
    throw refused('deployment', 'This deployment of the tool in your LMS is not registered here. Ask your institution’s administrator to add its deployment id under LMS platforms.');
  }
  const landing = landingPath(claims.targetLinkUri, expected.publicUrl);
  if (!landing) throw refused('target link on another host');
  return { claims, landing };
}
