import 'server-only';
// The pages of LTI Dynamic Registration. The LMS shows them in its own window or frame, so they
// answer with their own headers: framed only by the origin of the LMS registering (taken from its
// `openid_configuration` address), no other script than the one closing the LMS's dialog.
import { outboundUrlProblem } from '@/lib/domain/lti-registration';

const esc = (s: string) => s.replace(/[&"<>']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The origin allowed to frame the page: the registering LMS's, when its configuration address is one we would contact. */
export function framingOrigin(openidConfiguration: string | null, allowLoopbackHttp: boolean): string {
  if (!openidConfiguration || outboundUrlProblem(openidConfiguration, allowLoopbackHttp)) return "'none'";
  return new URL(openidConfiguration).origin;
}

const style = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111}dt{font-size:.85em;color:#555}dd{margin:0 0 .5rem}button{font:inherit;padding:.5rem 1rem}';

/** A registration page: `body` is HTML built here from escaped values; `script` only on the page that closes the dialog. */
export function registrationResponse(status: number, title: string, body: string, frameAncestors: string, script?: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${style}</style></head><body><main><h1>${esc(title)}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`;
  const csp = ["default-src 'none'", "style-src 'unsafe-inline'", script ? "script-src 'unsafe-inline'" : null, "form-action 'self'", "base-uri 'none'", `frame-ancestors ${frameAncestors}`].filter(Boolean).join('; ');
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
  });
}

type Preview = { institutionName: string; request: { openid_configuration: string; registration_token?: string }; config: { issuer: string; productFamilyCode: string; version: string | null; messages: string[] } };

/** Before anything is registered: who registers, with which institution, and one button. */
export function confirmBody(p: Preview): string {
  const rows: [string, string][] = [
    ['Institution', p.institutionName],
    ['LMS (issuer)', p.config.issuer],
    ['Product', `${p.config.productFamilyCode}${p.config.version ? ` ${p.config.version}` : ''}`],
    ['Messages it supports', p.config.messages.join(', ') || 'none listed'],
  ];
  const hidden = Object.entries(p.request)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return `<p>Register this site as an LTI 1.3 tool in this LMS, for the institution below. It stays <strong>pending</strong> until an administrator of the institution approves it on its LMS platforms page.</p><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl><form method="post">${hidden}<button type="submit">Register</button></form>`;
}

/** After the platform answered: what happens next. */
export function doneBody(r: { issuer: string; clientId: string }): string {
  return `<p>This LMS (${esc(r.issuer)}, client id ${esc(r.clientId)}) is registered and <strong>waiting for approval</strong> by an administrator of your institution. Nobody can launch from it until then.</p><p>You can close this window.</p>`;
}

/** Tells the LMS the registration is over, so it closes its dialog. */
export const closeScript = "(window.opener||window.parent).postMessage({subject:'org.imsglobal.lti.close'},'*')";

export const errorBody = (message: string) => `<p role="alert">${esc(message)}</p>`;
