// LTI Dynamic Registration 1.0 (1EdTech), the tool's side: what it asks the platform to register,
// and which addresses it will contact. Pure: the public URL and the flags come in as arguments.
import { internalHost } from './xapi/endpoint';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The scopes this tool asks for: line items and scores (AGS), the course roster (NRPS). */
export const requestedScopes = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
] as const;

export const toolConfigurationClaim = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const platformConfigurationClaim = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

/** The client registration the tool posts to the platform's registration endpoint. */
export function toolRegistration(publicUrl: string, clientName: string) {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${base}/api/lti/login`,
    redirect_uris: [`${base}/api/lti/launch`],
    client_name: clientName,
    jwks_uri: `${base}/api/lti/jwks`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: requestedScopes.join(' '),
    [toolConfigurationClaim]: {
      domain: new URL(base).host,
      target_link_uri: `${base}/`,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
      messages: [
        { type: 'LtiResourceLinkRequest', target_link_uri: `${base}/`, label: clientName },
        { type: 'LtiDeepLinkingRequest', target_link_uri: `${base}/`, label: `${clientName}: add an activity` },
      ],
    },
  };
}

/**
 * Why the server must not contact `url`, or null when it may: https to a public host; plain http
 * (or https) to this machine only when `allowLoopbackHttp` (development and tests, never production).
 * No credentials in the address and no fragment. A public name resolving to a private address is not caught here.
 */
export function outboundUrlProblem(url: string, allowLoopbackHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an address';
  }
  if (parsed.username || parsed.password) return 'carries credentials';
  if (parsed.hash) return 'has a fragment';
  if (allowLoopbackHttp && loopbackHosts.has(parsed.hostname) && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return null;
  if (parsed.protocol !== 'https:') return 'is not https';
  if (internalHost(parsed.hostname)) return 'is on this server or a private network';
  return null;
}

/**
 * Whether the OpenID configuration's issuer belongs where the configuration was fetched from: the
 * same host (and port), so one platform cannot register under another's issuer.
 */
export function issuerMatchesConfigurationUrl(issuer: string, configurationUrl: string): boolean {
  try {
    const i = new URL(issuer);
    const c = new URL(configurationUrl);
    return i.protocol === c.protocol && i.host === c.host && !i.search && !i.hash;
  } catch {
    return false;
  }
}
