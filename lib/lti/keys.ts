import 'server-only';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CryptoKey, type JWK, calculateJwkThumbprint, exportJWK, importPKCS8 } from 'jose';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

// The tool's own key for LTI 1.3. Platforms expect RS256, so it is an RSA key apart from the
// Ed25519 key credentials are signed with (lib/credentials/keys.ts), loaded the same way.

export type LtiKey = { privateKey: CryptoKey; publicJwk: JWK & { kid: string }; kid: string };

async function pemFromConfig(): Promise<string> {
  const env = serverEnv();
  if (env.LTI_SIGNING_KEY) return env.LTI_SIGNING_KEY.replace(/\\n/g, '\n');
  if (env.isProductionDeployment) {
    throw new AppError('unavailable', 'LTI_SIGNING_KEY is not set', 'LMS integration is not configured on this site (LTI_SIGNING_KEY).');
  }
  const file = path.join(env.DATA_DIR, 'lti-key.pem');
  try {
    return await readFile(file, 'utf8');
  } catch {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(env.DATA_DIR, { recursive: true });
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    return readFile(file, 'utf8');
  }
}

let cached: Promise<LtiKey> | undefined;

/** The RSA key the tool signs LTI messages with: LTI_SIGNING_KEY, or a development key in DATA_DIR. */
export function ltiKey(): Promise<LtiKey> {
  cached ??= (async () => {
    const pem = await pemFromConfig();
    const privateKey = await importPKCS8(pem, 'RS256');
    const jwk = await exportJWK(createPublicKey(pem));
    const kid = await calculateJwkThumbprint(jwk);
    return { privateKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' }, kid };
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** The tool's public keys, as a JWK Set, for the platform's "public keyset URL". */
export async function ltiJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await ltiKey()).publicJwk] };
}
