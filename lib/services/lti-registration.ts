import 'server-only';
// LTI Dynamic Registration 1.0, the tool's side. The platform opens `/lti/register/<token>` with
// `openid_configuration` (and usually `registration_token`); the tool reads that configuration,
// posts its client registration to the platform's registration endpoint with the token, and keeps
// the platform the answer describes as **pending** until an admin of the link's institution approves it.
import type { Db } from '@/db/client';
import { createRegistrationLink, peekRegistrationLink, savePendingPlatform } from '@/db/queries/lti-registration';
import type { Actor } from '@/db/queries/users';
import { hashToken, looksLikeToken, newToken } from '@/lib/auth/tokens';
import { issuerMatchesConfigurationUrl, outboundUrlProblem, toolRegistration } from '@/lib/domain/lti-registration';
import { AppError } from '@/lib/errors';
import { type PlatformConfiguration, type RegistrationRequest, openIdConfigurationSchema, registrationAnswerSchema, registrationRequestSchema } from '@/lib/validation/lti-registration';

export type RegistrationSite = { publicUrl: string; clientName: string; allowLoopbackHttp: boolean };

const maxBytes = 64 * 1024;
const timeoutMs = 10_000;

/** How long a registration link can be used: long enough to paste into the LMS, not to leak for weeks. */
export const registrationLinkHours = 24;

/** A new single-use registration link for the institution's LMS (its admins only): the path to paste into the LMS. */
export async function newRegistrationLink(db: Db, actor: Actor, institutionId: string, programmeId: string, now = new Date()) {
  const { raw, hash } = newToken();
  const expiresAt = new Date(now.getTime() + registrationLinkHours * 3_600_000);
  await createRegistrationLink(db, actor, { institutionId, programmeId, tokenHash: hash, expiresAt });
  return { path: `/lti/register/${raw}`, expiresAt };
}

const refused = (detail: string, message: string) => new AppError('bad_request', `lti dynamic registration: ${detail}`, message);
const expiredLink = new AppError('not_found', 'lti dynamic registration: unknown, used or expired link', 'This registration link has expired or was already used. Ask your institution’s administrator for a new one (Institution → LMS platforms).');

/** The parameters the platform sent, validated. */
export function registrationRequest(params: Record<string, string | undefined>): RegistrationRequest {
  const parsed = registrationRequestSchema.safeParse(params);
  if (!parsed.success) throw refused('parameters', 'This page is opened by your LMS during LTI Dynamic Registration, with its openid_configuration address. Paste this link into your LMS’s “register a tool” field instead of opening it here.');
  return parsed.data;
}

/** Reads a JSON body of at most 64 kB. */
async function readJson(res: Response): Promise<unknown> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error('answer larger than 64 kB');
    }
    chunks.push(value);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Calls a platform address the URL policy allows: no redirects followed, a timeout, a size cap. */
async function callPlatform(url: string, init: RequestInit, site: RegistrationSite, what: string): Promise<{ status: number; body: unknown }> {
  const problem = outboundUrlProblem(url, site.allowLoopbackHttp);
  if (problem) throw refused(`${what} ${problem}`, `Your LMS’s ${what} address ${problem}: this site only contacts LMS platforms over https on a public address.`);
  try {
    const res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await readJson(res).catch(() => null) };
  } catch (error) {
    throw refused(`${what} unreachable: ${error instanceof Error ? error.message : 'error'}`, `Your LMS’s ${what} could not be read (no answer within 10 seconds, a redirect, or not JSON). Try the registration again.`);
  }
}

/** The platform's OpenID configuration, checked: fields, issuer on the configuration's own host, every endpoint allowed. */
export async function readPlatformConfiguration(request: RegistrationRequest, site: RegistrationSite): Promise<PlatformConfiguration> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Canvas asks for the registration token here too; Moodle ignores it.
  if (request.registration_token) headers.authorization = `Bearer ${request.registration_token}`;
  const { status, body } = await callPlatform(request.openid_configuration, { headers }, site, 'OpenID configuration');
  if (status !== 200) throw refused(`openid configuration answered ${status}`, `Your LMS’s OpenID configuration answered ${status}. Start the registration again from your LMS.`);
  const parsed = openIdConfigurationSchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || i.message))].slice(0, 5).join(', ');
    throw refused(`openid configuration fields: ${fields}`, `Your LMS’s OpenID configuration is missing or has invalid fields (${fields}), so it cannot be registered.`);
  }
  const config = parsed.data;
  if (!issuerMatchesConfigurationUrl(config.issuer, request.openid_configuration)) {
    throw refused('issuer on another host', `Your LMS’s OpenID configuration names an issuer (${config.issuer}) on another host than the configuration itself, so it cannot be registered.`);
  }
  for (const [what, url] of [['authentication', config.authLoginUrl], ['token', config.tokenUrl], ['keyset', config.jwksUrl], ['registration', config.registrationUrl]] as const) {
    const problem = outboundUrlProblem(url, site.allowLoopbackHttp);
    if (problem) throw refused(`${what} endpoint ${problem}`, `Your LMS’s ${what} address ${problem}: this site only contacts LMS platforms over https on a public address.`);
  }
  return config;
}

/** What the registration page shows before anything is registered: the link's institution and the platform. */
export async function previewRegistration(db: Db, rawToken: string, params: Record<string, string | undefined>, site: RegistrationSite, now = new Date()) {
  const link = looksLikeToken(rawToken) ? await peekRegistrationLink(db, hashToken(rawToken), now) : null;
  if (!link) throw expiredLink;
  const request = registrationRequest(params);
  return { institutionName: link.institutionName, request, config: await readPlatformConfiguration(request, site) };
}

/**
 * Registers the tool with the platform and stores the platform as pending for the link's
 * institution, using the link once. A refusal anywhere stores nothing (and leaves the link usable).
 */
export async function completeRegistration(db: Db, rawToken: string, params: Record<string, string | undefined>, site: RegistrationSite, now = new Date()) {
  const tokenHash = hashToken(rawToken);
  if (!looksLikeToken(rawToken) || !(await peekRegistrationLink(db, tokenHash, now))) throw expiredLink;
  const request = registrationRequest(params);
  const config = await readPlatformConfiguration(request, site);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (request.registration_token) headers.authorization = `Bearer ${request.registration_token}`;
  const { status, body } = await callPlatform(config.registrationUrl, { method: 'POST', headers, body: JSON.stringify(toolRegistration(site.publicUrl, site.clientName)) }, site, 'registration endpoint');
  if (status < 200 || status > 299) throw refused(`registration answered ${status}`, `Your LMS refused the registration (HTTP ${status}). Start it again from your LMS; if it keeps failing, its registration token may have expired.`);
  const answer = registrationAnswerSchema.safeParse(body);
  if (!answer.success) throw refused('registration answer', 'Your LMS accepted the registration but did not answer with a client id, so it cannot be used.');
  const a = answer.data;
  const saved = await savePendingPlatform(
    db,
    tokenHash,
    {
      name: `${config.productFamilyCode} (${new URL(config.issuer).host})`.slice(0, 120),
      issuer: config.issuer,
      clientId: a.clientId,
      deploymentIds: a.deploymentId ? [a.deploymentId] : [],
      authLoginUrl: config.authLoginUrl,
      tokenUrl: config.tokenUrl,
      jwksUrl: config.jwksUrl,
      declared: { productFamilyCode: config.productFamilyCode, version: config.version, messages: config.messages, scopes: a.scopes },
    },
    now,
  );
  if (!saved) throw expiredLink;
  return { ...saved, issuer: config.issuer, clientId: a.clientId };
}
