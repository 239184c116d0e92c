import 'server-only';
// LRS secrets at rest: AES-256-GCM, with a key derived (HKDF-SHA-256) from AUTH_SECRET, which a
// production deployment must set. Changing AUTH_SECRET makes stored LRS secrets unreadable: the
// sender then reports that the secret must be entered again, and sends nothing.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { serverEnv } from '@/lib/env';

// Without AUTH_SECRET (a bare `next dev`; `npm start` always generates one), a fixed key: the
// secret is then only obscured, which is acceptable for a local start and never used in production.
const localOnly = 'telehealth-ready local development key';

function key(): Buffer {
  const base = serverEnv().AUTH_SECRET ?? localOnly;
  return Buffer.from(hkdfSync('sha256', base, 'telehealth-ready', 'lrs-secret v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export class SecretUnreadable extends Error {
  constructor() {
    super('the stored LRS secret cannot be decrypted (AUTH_SECRET changed?): an institution admin must enter it again');
  }
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new SecretUnreadable();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadable();
  }
}
