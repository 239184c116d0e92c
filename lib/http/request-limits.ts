// Limits on pages that answer whether a secret exists (a join code, an e-mail or invitation link)
// and that anyone can open without signing in. They are counted in this process's memory, in the
// proxy, before any page code or database work: a GET must not write, and a flood should cost
// nothing. Behind one server process (`npm start` on PGlite) that is exact; with several (`npm start`
// on PostgreSQL runs one per core, a platform runs several instances) each counts its own share,
// which still bounds guessing far below what the codes' entropy needs.

export type PageLimit = { bucket: string; max: number; windowSeconds: number };

/** Join links, e-mail links and certificate checks: generous for people behind one campus or carrier NAT. */
export const pageLimits = {
  links: { bucket: 'links', max: 60, windowSeconds: 600 },
} as const satisfies Record<string, PageLimit>;

/** Paths the proxy limits, as matchers (see proxy.ts) and as the bucket they count against. */
export const limitedPaths: { pattern: RegExp; limit: PageLimit }[] = [
  { pattern: /^\/cohorts\/join\/[^/]+\/?$/, limit: pageLimits.links },
  { pattern: /^\/cohorts\/invitations\/[^/]+\/?$/, limit: pageLimits.links },
  { pattern: /^\/account\/(verify|confirm-email)\/[^/]+\/?$/, limit: pageLimits.links },
  { pattern: /^\/reset-password\/[^/]+\/?$/, limit: pageLimits.links },
  { pattern: /^\/verify\/[^/]+\/?$/, limit: pageLimits.links },
  { pattern: /^\/lti\/register\/[^/]+\/?$/, limit: pageLimits.links },
];

/**
 * A sliding-window counter per key, held in memory with a bound on how many keys it keeps (the
 * oldest are dropped first), so a flood of new addresses cannot grow it without limit.
 */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly maxKeys = 50_000) {}

  /** Counts a request and says whether it is within the limit, and if not, in how many seconds it will be. */
  take(limit: PageLimit, key: string, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const id = `${limit.bucket}:${key}`;
    const since = nowMs - limit.windowSeconds * 1000;
    const recent = (this.hits.get(id) ?? []).filter((t) => t > since);
    if (recent.length >= limit.max) {
      this.hits.set(id, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((recent[0] ?? nowMs) - since) / 1000)) };
    }
    recent.push(nowMs);
    this.hits.delete(id);
    this.hits.set(id, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return { ok: true };
  }
}
