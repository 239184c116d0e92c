import { serverEnv } from '@/lib/env';

/**
 * The client's address, for every rate limit. On Vercel, its own header (set by its edge, not the
 * client). Under `npm start`, scripts/serve.mjs has already rewritten X-Forwarded-For to the one
 * client address, from the socket and TRUSTED_PROXY_HOPS; the last entry is read, so a value a
 * client sent (which a bare `next start` would pass on) is never preferred over the one added after it.
 */
export function clientAddress(headers: Headers): string {
  if (serverEnv().VERCEL) return headers.get('x-real-ip')?.trim() || headers.get('x-vercel-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
