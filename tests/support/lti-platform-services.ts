// The LTI Advantage services of the test platform (./lti-platform.ts): a token endpoint that checks
// the tool's client assertion against the tool's JWKS, line items and a scores endpoint that keeps
// what it receives (and can refuse a user as not gradable), NRPS memberships in pages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type JSONWebKeySet, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import type { LmsUser, Profile } from './lti-platform';

export const scopes = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  resultRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

export type ToolKeys = { jwksUrl: string } | { jwks: () => Promise<JSONWebKeySet> };
export type LineItem = { id: number; url: string; label: string; scoreMaximum: number; resourceId?: string; resourceLinkId?: string };
export type ReceivedScore = { lineItem: number; status: number; body: Record<string, unknown> };

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(JSON.stringify(body));

/** The services, on the platform's server: `handle` answers their requests and returns false for any other path. */
export function platformServices(options: { profile: Profile; clientId: string; base: () => string; toolKeys?: ToolKeys; users: Map<string, LmsUser>; context: { id: string; label: string; title: string } }) {
  const tokens = new Map<string, { scopes: string[] }>();
  const seenJti = new Set<string>();
  const lineItems = new Map<number, LineItem>();
  /** The gradebook: per line item, the latest score of each user (by timestamp). */
  const gradebook = new Map<number, Map<string, Record<string, unknown>>>();
  const received: ReceivedScore[] = [];
  const notGradable = new Set<string>();
  const left = new Set<string>();
  let tokenRequests = 0;
  let failScores = 0;
  let pageSize = 2;
  let keySet: ReturnType<typeof createRemoteJWKSet> | undefined;

  const toolKeySet = async () => {
    const keys = options.toolKeys;
    if (!keys) throw new Error('this platform was started without the tool’s keys');
    if ('jwksUrl' in keys) return (keySet ??= createRemoteJWKSet(new URL(keys.jwksUrl)));
    return createLocalJWKSet(await keys.jwks());
  };

  /** Moodle's line item URLs carry a query string (the tool type); Canvas's are plain paths. */
  function addLineItem(item: Omit<LineItem, 'id' | 'url'>): LineItem {
    const id = lineItems.size + 1;
    const url = options.profile === 'moodle' ? `${options.base()}/lineitems/${id}/lineitem?type_id=1` : `${options.base()}/line_items/${id}`;
    const created = { ...item, id, url };
    lineItems.set(id, created);
    return created;
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    tokenRequests++;
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== 'client_credentials' || form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return json(res, 400, { error: 'unsupported_grant_type' });
    try {
      // Moodle and Canvas both want the token URL as the assertion's audience.
      const { payload } = await jwtVerify(form.get('client_assertion') ?? '', await toolKeySet(), { issuer: options.clientId, subject: options.clientId, audience: `${options.base()}/token`, algorithms: ['RS256'], requiredClaims: ['exp', 'iat', 'jti'] });
      if (seenJti.has(String(payload.jti))) return json(res, 400, { error: 'invalid_client', error_description: 'jti replayed' });
      seenJti.add(String(payload.jti));
    } catch (error) {
      return json(res, 401, { error: 'invalid_client', error_description: error instanceof Error ? error.message : 'bad assertion' });
    }
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const allowed = Object.values(scopes) as string[];
    if (asked.length === 0 || asked.some((s) => !allowed.includes(s))) return json(res, 400, { error: 'invalid_scope' });
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, { scopes: asked });
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: asked.join(' ') });
  }

  const bearer = (req: IncomingMessage, scope: string) => {
    const t = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    return Boolean(t?.scopes.includes(scope));
  };

  async function score(req: IncomingMessage, res: ServerResponse, item: LineItem) {
    if (!bearer(req, scopes.score)) return json(res, 401, { error: 'invalid token' });
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const answer = (status: number, message: string) => {
      received.push({ lineItem: item.id, status, body });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(message);
    };
    if (failScores > 0) return (failScores--, answer(503, 'gradebook busy'));
    if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return answer(415, 'wrong content type');
    const user = String(body.userId ?? '');
    if (notGradable.has(user) || !options.users.has(user)) return answer(400, `User ${user} is not gradable in this course`);
    const valid = typeof body.scoreGiven === 'number' && typeof body.scoreMaximum === 'number' && body.scoreGiven >= 0 && ['Completed', 'Submitted', 'InProgress', 'Initialized', 'Started'].includes(String(body.activityProgress)) && ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'].includes(String(body.gradingProgress)) && !Number.isNaN(Date.parse(String(body.timestamp)));
    if (!valid) return answer(400, 'invalid score');
    const book = gradebook.get(item.id) ?? new Map<string, Record<string, unknown>>();
    gradebook.set(item.id, book);
    // AGS §3.4.7: a score no newer than the one held is ignored, so a repeat changes nothing.
    const held = book.get(user);
    if (!held || Date.parse(String(held.timestamp)) < Date.parse(String(body.timestamp))) book.set(user, body);
    answer(204, '');
  }

  function memberships(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!bearer(req, scopes.memberships)) return json(res, 401, { error: 'invalid token' });
    const all = [...options.users.values()];
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = all.slice((page - 1) * pageSize, page * pageSize);
    const members = slice.map((u) => ({ status: left.has(u.sub) ? 'Inactive' : 'Active', user_id: u.sub, roles: u.roles, ...(u.name ? { name: u.name } : {}), ...(u.email ? { email: u.email } : {}) }));
    const headers: Record<string, string> = { 'content-type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' };
    if (page * pageSize < all.length) headers.link = `<${options.base()}/memberships?page=${page + 1}>; rel="next"`;
    res.writeHead(200, headers).end(JSON.stringify({ id: `${url.pathname}${url.search}`, context: options.context, members }));
  }

  /** Answers a services request; false when the path is not one of them. */
  function handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (url.pathname === '/token' && req.method === 'POST') return void token(req, res), true;
    if (url.pathname === '/memberships' && req.method === 'GET') return memberships(req, res, url), true;
    const m = /^\/(?:lineitems\/(\d+)\/lineitem|line_items\/(\d+))\/scores$/.exec(url.pathname);
    if (m && req.method === 'POST') {
      const item = lineItems.get(Number(m[1] ?? m[2]));
      // Moodle routes by the query string its line item URL carries: without it, not found.
      if (!item || (options.profile === 'moodle' && url.searchParams.get('type_id') !== '1')) return json(res, 404, { error: 'no such line item' }), true;
      void score(req, res, item).catch(() => res.writeHead(400).end('unreadable score'));
      return true;
    }
    return false;
  }

  return {
    handle,
    toolKeySet,
    addLineItem,
    lineItems,
    gradebook,
    received,
    /** The AGS and NRPS claims a launch of a link with this line item carries. */
    serviceClaims(lineItem: LineItem | undefined) {
      return {
        'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': { scope: [scopes.lineItem, scopes.resultRead, scopes.score], lineitems: `${options.base()}/lineitems`, ...(lineItem ? { lineitem: lineItem.url } : {}) },
        'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': { context_memberships_url: `${options.base()}/memberships`, service_versions: ['2.0'] },
      };
    },
    refuseGrades: (sub: string) => notGradable.add(sub),
    failNextScores: (n: number) => (failScores = n),
    markLeft: (sub: string) => left.add(sub),
    setPageSize: (n: number) => (pageSize = n),
    tokenRequests: () => tokenRequests,
  };
}
