import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum argon2id settings (19 MiB, 2 passes, 1 lane): memory-hard, and quick enough for a 2-core server.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verifying against this when the account does not exist keeps the reply time the same for a wrong email.
const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$WpUQ4Ua4bpKnBPFRoH13Yw$4xl2eJ7NQQAWGcFOfYxTJbiCWWsmUTtyHC6gYVz32qI';

/** Checks a password against a stored hash; a missing hash still costs one verification. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? dummyHash, password);
    return Boolean(storedHash) && ok;
  } catch {
    return false;
  }
}
