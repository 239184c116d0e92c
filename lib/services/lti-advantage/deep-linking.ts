import 'server-only';
// Deep Linking 2.0: an instructor adding an activity in the LMS lands on a picker here (signed in
// as the account linked to their LMS identity); their pick goes back to the LMS as a signed
// LtiDeepLinkingResponse, posted by the browser to the platform's return URL.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Db } from '@/db/client';
import { saveDeepLink, takeDeepLink } from '@/db/queries/lti-deep-links';
import type { Actor } from '@/db/queries/users';
import type { LtiPlatform } from '@/db/schema';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { getCatalog } from '@/lib/content';
import { type Pick, deepLinkingResponseClaims, parsePick } from '@/lib/domain/lti-deep-linking';
import { AppError } from '@/lib/errors';
import { ltiKey } from '@/lib/lti/keys';
import type { LaunchClaims } from '@/lib/validation/lti';

const requestMinutes = 30;

/** Where a deep linking request's picker lives (the token is single-use and bound to the LMS identity). */
export const deepLinkPath = (raw: string) => `/lti/deep-link/${raw}`;

/** Saves a verified LtiDeepLinkingRequest; returns the picker's path, where the launch lands. */
export async function startDeepLinking(db: Db, platform: LtiPlatform, claims: LaunchClaims, now: Date): Promise<string> {
  const settings = claims.deepLinking;
  if (!settings) throw new AppError('bad_request', 'lti deep linking: no settings');
  if (!settings.accept_types.includes('ltiResourceLink')) {
    throw new AppError('bad_request', 'lti deep linking: ltiResourceLink not accepted', 'Your LMS asked for a kind of content this site does not offer (it adds activity links). Add it as an external tool activity instead.');
  }
  const { raw, hash } = newToken();
  await saveDeepLink(
    db,
    { tokenHash: hash, platformId: platform.id, issuer: platform.issuer, sub: claims.sub, deploymentId: claims.deploymentId, returnUrl: settings.deep_link_return_url, data: settings.data ?? null, contextTitle: claims.context?.title ?? claims.context?.label ?? null, expiresAt: new Date(now.getTime() + requestMinutes * 60_000) },
    now,
  );
  return deepLinkPath(raw);
}

/** Everything an instructor can add, by kind, with its catalogue title. */
export async function deepLinkChoices(): Promise<Record<Pick['kind'], Pick[]>> {
  const c = await getCatalog();
  return {
    quiz: c.quizzes.map((q) => ({ kind: 'quiz', id: q.def.id, title: q.def.title })),
    consult: c.cases.map((x) => ({ kind: 'consult', id: x.def.id, title: x.def.title })),
    programme: c.programmes.map((p) => ({ kind: 'programme', id: p.def.id, title: p.def.title })),
    module: c.modules.map((m) => ({ kind: 'module', id: m.slug, title: m.meta.title })),
  };
}

/** The pick as the catalogue knows it; null for anything it does not hold. */
export async function resolvePick(value: string): Promise<Pick | null> {
  const parsed = parsePick(value);
  if (!parsed) return null;
  return (await deepLinkChoices())[parsed.kind].find((p) => p.id === parsed.id) ?? null;
}

/** Answers the request once: the signed response JWT and where the browser posts it. */
export async function answerDeepLink(db: Db, actor: Actor, raw: string, choice: string, publicUrl: string, now = new Date()): Promise<{ returnUrl: string; jwt: string }> {
  const pick = await resolvePick(choice);
  if (!pick) throw new AppError('bad_request', 'lti deep link pick', 'Choose one item from the list.');
  const request = await takeDeepLink(db, actor, hashToken(raw), now);
  const key = await ltiKey();
  const iat = Math.floor(now.getTime() / 1000);
  const jwt = await new SignJWT(deepLinkingResponseClaims(request, pick, publicUrl, randomBytes(16).toString('base64url')))
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + 600)
    .sign(key.privateKey);
  return { returnUrl: request.returnUrl, jwt };
}
