// Which address a request came from, given the proxies in front of the server (scripts/serve.mjs).

/**
 * The client's address: with no proxy, the socket's peer; behind N trusted proxies, the entry of
 * X-Forwarded-For that the outermost of them appended (the N-th from the right, counting the peer).
 * Entries further left were written by the client and are never trusted.
 */
export function clientAddress(forwardedFor, peer, trustedHops) {
  const chain = [...(forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean), peer ?? 'unknown'];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? 'unknown';
}
