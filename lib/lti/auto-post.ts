import 'server-only';
// The page that carries a signed message from the tool to the LMS: a form the browser posts to
// the platform's return URL at once (a button without JavaScript). It answers with its own
// security headers, since the site's `form-action 'self'` would stop exactly this post.

const esc = (s: string) => s.replace(/[&"<>']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The auto-submitting page posting `fields` to `action`, allowed to post to that origin only. */
export function autoPostResponse(action: string, fields: Record<string, string>, title: string): Response {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><form method="post" action="${esc(action)}">${inputs}<p>${esc(title)}</p><noscript><button type="submit">Continue to your course</button></noscript></form><script>document.forms[0].submit()</script></body></html>`;
  const csp = ["default-src 'none'", "script-src 'unsafe-inline'", `form-action ${new URL(action).origin}`, "base-uri 'none'", "frame-ancestors 'none'"].join('; ');
  return new Response(html, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' },
  });
}
