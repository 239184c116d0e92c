import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** The stored form of a token: its SHA-256, hex (the same as SQL's `encode(sha256(convert_to(token, 'UTF8')), 'hex')`). */
export function hashToken(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** A new unguessable token for a link (32 random bytes, base64url) and the hash to store. */
export function newToken(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: hashToken(raw) };
}

/** Whether a string could be a token from one of our links (anything else is refused before a lookup). */
export function looksLikeToken(raw: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(raw);
}
