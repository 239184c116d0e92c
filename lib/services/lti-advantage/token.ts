import 'server-only';
// OAuth 2 client-credentials tokens for LTI Advantage services (1EdTech Security Framework §4.1):
// the tool proves itself with a JWT signed by its RSA key (RS256), addressed to the platform's
// token URL; the token is kept in this process until shortly before it expires.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { ltiKey } from '@/lib/lti/keys';

export type TokenPlatform = { id: string; clientId: string; tokenUrl: string };

const tokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string().optional(), expires_in: z.coerce.number().int().positive().default(3600) });

// Per platform and set of scopes. Renewed a minute early, so a token never expires mid-request.
const cache = new Map<string, { token: string; expiresAt: number }>();
const marginMs = 60_000;
const cacheKey = (p: TokenPlatform, scopes: readonly string[]) => `${p.id} ${[...scopes].sort().join(' ')}`;

/** Whatever the platform said, short enough for a log line or the grade sync view. */
export async function describeAnswer(res: Response): Promise<string> {
  const body = (await res.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  return `HTTP ${res.status}${body ? `: ${body}` : ''}`;
}

/** A bearer token for these scopes, from the cache or newly requested. Throws with the platform's reason when refused. */
export async function accessToken(platform: TokenPlatform, scopes: readonly string[], now = new Date()): Promise<string> {
  const k = cacheKey(platform, scopes);
  const hit = cache.get(k);
  if (hit && hit.expiresAt - marginMs > now.getTime()) return hit.token;
  const key = await ltiKey();
  const iat = Math.floor(now.getTime() / 1000);
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key.privateKey);
  const res = await fetch(platform.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: scopes.join(' '),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`token request refused: ${await describeAnswer(res)}`);
  const parsed = tokenAnswer.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error('token request: the platform answered without an access_token');
  cache.set(k, { token: parsed.data.access_token, expiresAt: now.getTime() + parsed.data.expires_in * 1000 });
  return parsed.data.access_token;
}

/** Drops a platform's cached tokens (it answered 401: it no longer honours them). */
export function forgetTokens(platformId: string): void {
  for (const k of cache.keys()) if (k.startsWith(`${platformId} `)) cache.delete(k);
}
