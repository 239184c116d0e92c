// Runs before the pages that answer whether a secret link or code exists, and refuses a client that
// opens too many of them (429 with a plain message and Retry-After). See lib/http/request-limits.ts.
import { type NextRequest, NextResponse } from 'next/server';
import { clientAddress } from '@/lib/http/client-address';
import { WindowCounter, limitedPaths } from '@/lib/http/request-limits';

const counter = new WindowCounter();

export function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const path = request.nextUrl.pathname;
  const rule = limitedPaths.find((r) => r.pattern.test(path));
  if (!rule) return NextResponse.next();
  const verdict = counter.take(rule.limit, clientAddress(request.headers), Date.now());
  if (verdict.ok) return NextResponse.next();
  return new NextResponse(`Too many links opened from this connection. Wait ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes and try again.\n`, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(verdict.retryAfterSeconds), 'cache-control': 'no-store' },
  });
}

export const config = {
  matcher: ['/cohorts/join/:code', '/cohorts/invitations/:token', '/account/verify/:token', '/account/confirm-email/:token', '/reset-password/:token', '/verify/:code', '/lti/register/:token'],
};
