// LTI Dynamic Registration 1.0 on the test platform (./lti-platform.ts), the platform's side: its
// OpenID configuration, a registration endpoint that checks the registration token (single use)
// and the tool's payload as a platform does, and answers with the client id and the deployment.
// Moodle-like: configuration at /mod/lti/openid-configuration.php, open to anyone, the answer carries
// the deployment id. Canvas-like: configuration at /api/lti/security/openid-configuration only with
// the registration token as a bearer token; the answer carries no deployment id (made at install).
// A page /register-tool?url=… frames the tool's registration URL, as an LMS's dialog does, and
// records the close message the tool posts.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Profile } from './lti-platform';
import { readBody } from './lti-platform-services';

const toolConfig = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const platformConfig = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Why a tool's registration is not one this platform accepts, or null. */
function payloadProblem(p: Record<string, unknown>, toolLaunchUrl: string): string | null {
  const list = (k: string) => (Array.isArray(p[k]) ? p[k].map(String) : []);
  if (p.application_type !== 'web') return 'application_type must be web';
  if (!list('response_types').includes('id_token')) return 'response_types must include id_token';
  if (!list('grant_types').includes('implicit') || !list('grant_types').includes('client_credentials')) return 'grant_types must include implicit and client_credentials';
  if (typeof p.initiate_login_uri !== 'string' || typeof p.jwks_uri !== 'string') return 'initiate_login_uri and jwks_uri are required';
  if (!list('redirect_uris').includes(toolLaunchUrl)) return 'redirect_uris must include the launch URL';
  if (p.token_endpoint_auth_method !== 'private_key_jwt') return 'token_endpoint_auth_method must be private_key_jwt';
  const config = p[toolConfig];
  if (!config || typeof config !== 'object' || !('domain' in config) || !('target_link_uri' in config) || !('messages' in config) || !Array.isArray(config.messages)) return 'the tool configuration needs domain, target_link_uri and messages';
  if (!config.messages.some((m: unknown) => typeof m === 'object' && m !== null && 'type' in m && m.type === 'LtiDeepLinkingRequest')) return 'messages must include LtiDeepLinkingRequest';
  return null;
}

export function dynamicRegistration(options: { profile: Profile; clientId: string; deploymentId: string; toolLaunchUrl: string; base: () => string; issuer: () => string }) {
  const configPath = options.profile === 'canvas' ? '/api/lti/security/openid-configuration' : '/mod/lti/openid-configuration.php';
  const tokens = new Set<string>();
  /** The tool's registrations this platform accepted (their payloads), and every refusal's reason. */
  const registered: Record<string, unknown>[] = [];
  const refusals: string[] = [];
  let closedMessages = 0;
  /** Changes the configuration served (a field set to undefined is left out). */
  let configOverrides: Record<string, unknown> = {};

  function configuration() {
    const base = options.base();
    const config: Record<string, unknown> = {
      issuer: options.issuer(),
      authorization_endpoint: `${base}/auth`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      registration_endpoint: `${base}/registrations`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['id_token'],
      scopes_supported: ['openid', 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score', 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'],
      [platformConfig]: {
        product_family_code: options.profile,
        version: options.profile === 'canvas' ? 'cloud' : '4.1',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest', placements: options.profile === 'canvas' ? ['link_selection', 'assignment_selection'] : ['ContentArea'] }],
      },
      ...configOverrides,
    };
    for (const [k, v] of Object.entries(config)) if (v === undefined) delete config[k];
    return config;
  }

  async function register(req: IncomingMessage, res: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.delete(bearer)) {
      refusals.push('registration token missing, unknown or used');
      return json(res, 401, { error: 'invalid_token' });
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(await readBody(req));
    } catch {
      return json(res, 400, { error: 'invalid_client_metadata' });
    }
    const problem = payloadProblem(payload, options.toolLaunchUrl);
    if (problem) {
      refusals.push(problem);
      return json(res, 400, { error: 'invalid_client_metadata', error_description: problem });
    }
    registered.push(payload);
    const given = payload[toolConfig];
    return json(res, 200, {
      ...payload,
      client_id: options.clientId,
      scope: typeof payload.scope === 'string' ? payload.scope : '',
      [toolConfig]: { ...(typeof given === 'object' ? given : {}), ...(options.profile === 'moodle' ? { deployment_id: options.deploymentId } : {}) },
    });
  }

  /** Answers the registration's requests; false for any other path. */
  function handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (url.pathname === configPath && req.method === 'GET') {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (options.profile === 'canvas' && (!bearer || !tokens.has(bearer))) json(res, 401, { error: 'invalid_token' });
      else json(res, 200, configuration());
      return true;
    }
    if (url.pathname === '/registrations' && req.method === 'POST') {
      void register(req, res);
      return true;
    }
    if (url.pathname === '/register-tool') {
      // The LMS's "register a tool" dialog: the tool's page in a frame, closed by its message.
      const src = new URL(url.searchParams.get('url') ?? '').toString().replace(/"/g, '&quot;');
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Register a tool</title><p id="status">Registering…</p><iframe name="tool" src="${src}" style="width:100%;height:30rem"></iframe><script>addEventListener('message',(e)=>{if(e.data&&e.data.subject==='org.imsglobal.lti.close'){document.getElementById('status').textContent='Closed by the tool';fetch('/registration-closed',{method:'POST'})}})</script>`);
      return true;
    }
    if (url.pathname === '/registration-closed' && req.method === 'POST') {
      closedMessages++;
      res.writeHead(204).end();
      return true;
    }
    return false;
  }

  return {
    handle,
    configurationUrl: () => `${options.base()}${configPath}`,
    /** The tool's registration URL as this platform opens it: with its configuration address and a fresh single-use registration token. */
    start(toolRegistrationUrl: string) {
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      const url = new URL(toolRegistrationUrl);
      url.searchParams.set('openid_configuration', `${options.base()}${configPath}`);
      url.searchParams.set('registration_token', token);
      return url.toString();
    },
    setConfiguration(next: Record<string, unknown>) {
      configOverrides = next;
    },
    registered,
    refusals,
    closed: () => closedMessages,
  };
}
