import 'server-only';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CryptoKey, type JWK, calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI } from 'jose';
import { serverEnv } from '@/lib/env';

export type SigningKey = { privateKey: CryptoKey; publicJwk: JWK & { kid: string }; kid: string };

async function pemFromConfig(): Promise<string> {
  const env = serverEnv();
  // A key pasted into a single-line variable keeps its line breaks as "\n".
  if (env.CREDENTIAL_SIGNING_KEY) return env.CREDENTIAL_SIGNING_KEY.replace(/\\n/g, '\n');
  // Local and test runs: a development key generated once and kept in the data folder.
  const file = path.join(env.DATA_DIR, 'credential-key.pem');
  try {
    return await readFile(file, 'utf8');
  } catch {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(env.DATA_DIR, { recursive: true });
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return readFile(file, 'utf8');
  }
}

let cached: Promise<SigningKey> | undefined;

/** The Ed25519 key credentials are signed with: CREDENTIAL_SIGNING_KEY, or a development key in DATA_DIR. */
export function signingKey(): Promise<SigningKey> {
  cached ??= (async () => {
    const pem = await pemFromConfig();
    const privateKey = await importPKCS8(pem, 'EdDSA', { extractable: true });
    const spki = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    const jwk = await exportJWK(await importSPKI(spki, 'EdDSA', { extractable: true }));
    const kid = await calculateJwkThumbprint(jwk);
    return { privateKey, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' }, kid };
  })();
  return cached;
}

/** The public half, as a JWK Set, for /.well-known/jwks.json. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey()).publicJwk] };
}
