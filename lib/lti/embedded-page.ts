import 'server-only';
// Embedded mode: what a launch answers inside the LMS's frame. In a frame the site is a third party:
// current browsers block its cookies there (or keep them apart, partitioned), and the session cookie
// is SameSite=Lax, never sent to a cross-site frame anyway. So the frame shows a start card and the
// activity itself opens in a new, first-party window (POST /api/lti/continue redeems the launch's
// single-use ticket there). The card is framed only by the platform's registered origins.

const esc = (s: string) => s.replace(/[&"<>']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The headers of every answer of an LTI route: framed by `frameAncestors` only (`'none'` by default). */
export function ltiHeaders(res: Response, frameAncestors: readonly string[] = []): Response {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  res.headers.set('content-security-policy', ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "base-uri 'none'", `frame-ancestors ${ancestors}`].join('; '));
  res.headers.set('x-content-type-options', 'nosniff');
  res.headers.set('referrer-policy', 'no-referrer');
  if (frameAncestors.length === 0) res.headers.set('x-frame-options', 'DENY');
  return res;
}

const style = 'body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;color:#111}button{font:inherit;padding:.6rem 1.2rem;margin-top:.5rem}';

/** The start card inside the LMS page: one button opening the activity in a new window with the launch's ticket. */
export function embeddedStartResponse(fields: { kind: 'sign-in' | 'link'; ticket: string; to: string }, frameOrigins: readonly string[]): Response {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>TeleHealth Ready</title><style>${style}</style></head><body><main><h1>TeleHealth Ready</h1><p>Your course opens this activity in a new window, so that you stay signed in (browsers do not keep a sign-in inside another site’s page). Open it within two minutes.</p><form method="post" action="/api/lti/continue" target="_blank">${inputs}<button type="submit">Open in a new window</button></form></main></body></html>`;
  return ltiHeaders(new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } }), frameOrigins);
}
