// An LTI 1.3 platform for tests, with no LMS: node's http server and jose. It serves its JWKS and an
// OIDC authentication endpoint that checks the request as a real platform does, then answers with
// the auto-submitting form that posts the signed id_token and the state back to the tool.
// Profiles: 'moodle' (the issuer is the site's own address, `aud` a string) and 'canvas' (one issuer
// for every customer, `aud` a list with `azp`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { type LineItem, type ToolKeys, platformServices } from './lti-platform-services';
import { deepLinking } from './lti-platform-deep-linking';
import { dynamicRegistration } from './lti-platform-registration';

export type Profile = 'moodle' | 'canvas';
export type LmsUser = { sub: string; name?: string; email?: string; roles: string[] };

export const roles = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  student: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student',
} as const;

const claim = (name: string) => `https://purl.imsglobal.org/spec/lti/claim/${name}`;

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** Starts a platform on a free loopback port; `close()` stops it. */
export async function startPlatform(options: { profile: Profile; clientId: string; deploymentId: string; toolLaunchUrl: string; targetLinkUri: string; toolLoginUrl?: string; toolKeys?: ToolKeys; course?: { id: string; label: string; title: string }; ownIssuer?: boolean }) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `sim-${options.profile}-1`;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const users = new Map<string, LmsUser>();
  const context = options.course ?? { id: 'course-101', label: 'TM101', title: 'Telemedicine 101' };
  let overrides: { claims?: Record<string, unknown>; sign?: (payload: JWTPayload) => Promise<string> } = {};
  const services = platformServices({ profile: options.profile, clientId: options.clientId, base: () => base, toolKeys: options.toolKeys, users, context });
  /** The course's activities (resource links), each with its target and, when graded, its line item. */
  const links = new Map<string, { id: string; title: string; targetLinkUri: string; lineItem?: LineItem }>([['rl-1', { id: 'rl-1', title: 'Consent lesson', targetLinkUri: options.targetLinkUri }]]);
  function addLink(link: { id: string; title: string; targetLinkUri: string; lineItem?: { label: string; scoreMaximum: number; resourceId?: string } }) {
    const lineItem = link.lineItem ? services.addLineItem({ ...link.lineItem, resourceLinkId: link.id }) : undefined;
    links.set(link.id, { id: link.id, title: link.title, targetLinkUri: link.targetLinkUri, lineItem });
    return lineItem;
  }
  const dynreg = dynamicRegistration({ profile: options.profile, clientId: options.clientId, deploymentId: options.deploymentId, toolLaunchUrl: options.toolLaunchUrl, base: () => base, issuer: () => issuer });
  const deep = deepLinking({ base: () => base, issuer: () => issuer, clientId: options.clientId, deploymentId: options.deploymentId, toolKeys: services.toolKeySet, addLink });

  const esc = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  /** The parameters the platform sends to the tool's login URL to start a launch for this user. */
  const loginParams = (sub: string, link = 'rl-1'): Record<string, string> => ({ iss: issuer, login_hint: sub, target_link_uri: links.get(link)?.targetLinkUri ?? options.targetLinkUri, lti_message_hint: link, client_id: options.clientId, lti_deployment_id: options.deploymentId });
  let issuer = '';
  let base = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (services.handle(req, res, url) || dynreg.handle(req, res, url)) return;
    if (url.pathname === '/deep-link-return' && req.method === 'POST') {
      void deep.returnEndpoint(req, res);
      return;
    }
    if (url.pathname === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    if (url.pathname === '/course') {
      // The course page's activity link: the platform starts the tool's login from the browser.
      const fields = Object.entries(loginParams(url.searchParams.get('sub') ?? '', url.searchParams.get('link') ?? 'rl-1'))
        .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><form method="post" action="${esc(options.toolLoginUrl ?? '')}">${fields}</form><script>document.forms[0].submit()</script>`);
      return;
    }
    if (url.pathname === '/embed') {
      // An LMS page embedding a tool (or any page) in a frame named "lti".
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Course page</title><h1>Course page</h1><iframe name="lti" src="${esc(url.searchParams.get('src') ?? '')}" style="width:100%;height:30rem"></iframe>`);
      return;
    }
    if (url.pathname === '/auth') {
      void authorize(url.searchParams).then(
        (html) => res.writeHead(200, { 'content-type': 'text/html' }).end(html),
        (error: Error) => res.writeHead(400, { 'content-type': 'text/plain' }).end(error.message),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // `ownIssuer`: a Canvas-like platform whose issuer is its own address (dynamic registration checks the issuer's host).
  issuer = options.profile === 'canvas' && !options.ownIssuer ? 'https://canvas.instructure.com' : base;

  /** The claims of a valid resource link launch of this link for this user and nonce. */
  function launchClaims(user: LmsUser, nonce: string, linkId: string): JWTPayload {
    const link = links.get(linkId) ?? links.get('rl-1')!;
    const now = Math.floor(Date.now() / 1000);
    const aud = options.profile === 'canvas' ? [options.clientId, 'https://canvas.instructure.com/other-audience'] : options.clientId;
    return {
      iss: issuer,
      aud,
      ...(options.profile === 'canvas' ? { azp: options.clientId } : {}),
      sub: user.sub,
      iat: now,
      exp: now + 300,
      nonce,
      ...(user.name ? { name: user.name } : {}),
      ...(user.email ? { email: user.email } : {}),
      [claim('message_type')]: 'LtiResourceLinkRequest',
      [claim('version')]: '1.3.0',
      [claim('deployment_id')]: options.deploymentId,
      [claim('target_link_uri')]: link.targetLinkUri,
      [claim('resource_link')]: { id: link.id, title: link.title },
      [claim('roles')]: user.roles,
      [claim('context')]: context,
      ...services.serviceClaims(link.lineItem),
    };
  }

  const sign = (payload: JWTPayload, key: CryptoKey = privateKey, header: { alg: string; kid?: string } = { alg: 'RS256', kid }) =>
    new SignJWT(payload).setProtectedHeader({ ...header, typ: 'JWT' }).sign(key);

  async function authorize(q: URLSearchParams): Promise<string> {
    // What a platform checks before it answers (LTI Core §5.1.1.2).
    if (q.get('scope') !== 'openid' || q.get('response_type') !== 'id_token' || q.get('response_mode') !== 'form_post' || q.get('prompt') !== 'none') throw new Error('bad OIDC parameters');
    if (q.get('client_id') !== options.clientId) throw new Error('unknown client_id');
    if (q.get('redirect_uri') !== options.toolLaunchUrl) throw new Error('redirect_uri not registered');
    const user = users.get(q.get('login_hint') ?? '');
    const nonce = q.get('nonce');
    if (!user || !nonce || !q.get('state')) throw new Error('unknown login_hint or no nonce/state');
    // The hint names the activity launched, or `deep-link` for an instructor adding one.
    const hint = q.get('lti_message_hint') ?? 'rl-1';
    const payload = { ...launchClaims(user, nonce, hint), ...(hint === 'deep-link' ? deep.requestClaims() : {}), ...overrides.claims };
    for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
    const idToken = overrides.sign ? await overrides.sign(payload) : await sign(payload);
    return `<!doctype html><form method="post" action="${esc(options.toolLaunchUrl)}"><input type="hidden" name="id_token" value="${esc(idToken)}"><input type="hidden" name="state" value="${esc(q.get('state')!)}"></form><script>document.forms[0].submit()</script>`;
  }

  return {
    issuer,
    base,
    registration: { issuer, clientId: options.clientId, deploymentIds: [options.deploymentId], authLoginUrl: `${base}/auth`, tokenUrl: `${base}/token`, jwksUrl: `${base}/jwks` },
    publicJwk,
    context,
    /** Enrols a user in the course; their login hint is their sub. */
    enrol(user: LmsUser) {
      users.set(user.sub, user);
    },
    /** Takes a user out of the course altogether (NRPS no longer lists them). */
    unenrol(sub: string) {
      users.delete(sub);
    },
    loginParams,
    /** Adds an activity to the course, with a gradebook column when `lineItem` is given (as an instructor would in the LMS). */
    addLink,
    /** What came back from the tool's deep linking answers, accepted or refused. */
    deepLinked: deep.returned,
    links,
    services,
    /** The platform's side of LTI Dynamic Registration (./lti-platform-registration.ts). */
    dynamicRegistration: dynreg,
    /** Changes what the next launches carry (claims set to undefined are left out), or how they are signed. */
    tamper(next: typeof overrides) {
      overrides = next;
    },
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the browser does with the platform's answer: the fields of the auto-submitting form. */
export async function followAuthRedirect(authUrl: string): Promise<{ action: string; idToken: string; state: string }> {
  const res = await fetch(authUrl);
  const html = await res.text();
  if (!res.ok) throw new Error(`platform refused: ${html}`);
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { action: /action="([^"]*)"/.exec(html)?.[1] ?? '', idToken: field('id_token'), state: field('state') };
}
