// Runs before every page. Three duties, in order:
// 1. Refuses a client that opens too many secret links or codes (429 with a plain message and
//    Retry-After; see lib/http/request-limits.ts), in either language.
// 2. Languages: English URLs have no prefix and are rewritten to app/[locale] internally by
//    next-intl (never redirected); a device that chose Urdu (the `locale` cookie) is sent from an
//    English page to the same page under /ur; `/en/...` redirects to the prefix-less URL.
// 3. Low-data mode (the `lowdata` cookie): a lesson URL serves the script-free page instead.
import { type NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { clientAddress } from '@/lib/http/client-address';
import { WindowCounter, limitedPaths } from '@/lib/http/request-limits';
import { localeCookie, localeOfPath, localizePath, routing, stripLocale } from '@/i18n/routing';

const counter = new WindowCounter();
const intl = createMiddleware(routing);
const lesson = /^\/modules\/([^/]+)\/([^/]+)\/?$/;

function tooMany(path: string, request: NextRequest): NextResponse | null {
  const rule = limitedPaths.find((r) => r.pattern.test(path));
  if (!rule) return null;
  const verdict = counter.take(rule.limit, clientAddress(request.headers), Date.now());
  if (verdict.ok) return null;
  return new NextResponse(`Too many links opened from this connection. Wait ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes and try again.\n`, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(verdict.retryAfterSeconds), 'cache-control': 'no-store' },
  });
}

/** A browser opening a page (not a script fetching data, a download or a form post). */
function isPageView(request: NextRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && (request.headers.get('accept') ?? '').includes('text/html');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const bare = stripLocale(pathname);
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (reading) {
    const refused = tooMany(bare, request);
    if (refused) return refused;
  }
  const match = lesson.exec(bare);
  if (reading && match && request.cookies.get('lowdata')?.value === '1') {
    return NextResponse.rewrite(new URL(`/lite/modules/${match[1]}/${match[2]}${search}`, request.url));
  }
  if (/^\/en(?=\/|$)/.test(pathname)) return NextResponse.redirect(new URL(`${bare}${search}`, request.url));
  const chosen = request.cookies.get(localeCookie)?.value;
  if (isPageView(request) && localeOfPath(pathname) === routing.defaultLocale && chosen === 'ur') {
    return NextResponse.redirect(new URL(`${localizePath(bare, 'ur')}${search}`, request.url));
  }
  return intl(request);
}

export const config = {
  // Everything but the framework's files, the API, the low-data pages and the files served as they are.
  matcher: ['/((?!_next/|api/|lite/|issuer|search-index/|\\.well-known/|sw\\.js|favicon\\.ico|icon\\.png|apple-icon\\.png|manifest\\.webmanifest|robots\\.txt|sitemap\\.xml|icons/|media/|fonts/).*)'],
};
