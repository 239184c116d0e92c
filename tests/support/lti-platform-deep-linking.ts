// Deep Linking 2.0 on the test platform (./lti-platform.ts): the settings a request carries, and the
// return endpoint that verifies the tool's signed LtiDeepLinkingResponse against the tool's JWKS
// and adds each ltiResourceLink it carries to the course (with its gradebook column).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type JWTVerifyGetKey, jwtVerify } from 'jose';
import { readBody } from './lti-platform-services';

const claim = (name: string) => `https://purl.imsglobal.org/spec/lti/claim/${name}`;
const dl = (name: string) => `https://purl.imsglobal.org/spec/lti-dl/claim/${name}`;

export type ContentItem = { type: string; title?: string; url?: string; lineItem?: { scoreMaximum: number; label: string; resourceId?: string } };
export type DeepLinked = { items: ContentItem[]; data: unknown; status: number; error?: string };

export function deepLinking(options: { base: () => string; issuer: () => string; clientId: string; deploymentId: string; toolKeys: () => Promise<JWTVerifyGetKey>; addLink: (link: { id: string; title: string; targetLinkUri: string; lineItem?: { label: string; scoreMaximum: number; resourceId?: string } }) => void }) {
  const issuedData = new Set<string>();
  const returned: DeepLinked[] = [];
  let n = 0;

  /** The claims of an LtiDeepLinkingRequest (in place of a resource link). */
  function requestClaims() {
    const data = `sim-dl-${++n}`;
    issuedData.add(data);
    return {
      [claim('message_type')]: 'LtiDeepLinkingRequest',
      [claim('resource_link')]: undefined,
      [dl('deep_linking_settings')]: { deep_link_return_url: `${options.base()}/deep-link-return`, accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['window', 'iframe'], accept_multiple: false, data },
    };
  }

  async function returnEndpoint(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const refuse = (error: string) => {
      returned.push({ items: [], data: null, status: 400, error });
      res.writeHead(400, { 'content-type': 'text/plain' }).end(error);
    };
    let payload;
    try {
      // The tool signs as its client id, for this platform (LTI DL 2.0 §4.2).
      ({ payload } = await jwtVerify(form.get('JWT') ?? '', await options.toolKeys(), { issuer: options.clientId, audience: options.issuer(), algorithms: ['RS256'], requiredClaims: ['iat', 'exp', 'nonce'] }));
    } catch (error) {
      return refuse(`bad JWT: ${error instanceof Error ? error.message : ''}`);
    }
    if (payload[claim('message_type')] !== 'LtiDeepLinkingResponse' || payload[claim('version')] !== '1.3.0') return refuse('not a deep linking response');
    if (payload[claim('deployment_id')] !== options.deploymentId) return refuse('wrong deployment');
    const data = payload[dl('data')];
    if (typeof data !== 'string' || !issuedData.delete(data)) return refuse('data not echoed (or replayed)');
    const items = (payload[dl('content_items')] ?? []) as ContentItem[];
    for (const item of items) {
      if (item.type !== 'ltiResourceLink' || !item.url) return refuse('unsupported item');
      options.addLink({ id: `dl-${returned.length + 1}`, title: item.title ?? 'Untitled', targetLinkUri: item.url, lineItem: item.lineItem });
    }
    returned.push({ items, data, status: 200 });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><p data-testid="sim-added">Added: ${items.map((i) => i.title).join(', ')}</p>`);
  }

  return { requestClaims, returnEndpoint, returned };
}
