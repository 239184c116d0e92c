import { publicJwks } from '@/lib/credentials/keys';
import { serverEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The issuer profile named in every credential (Open Badges 3.0 Profile). */
export async function GET() {
  const { publicUrl: base, CERTIFICATE_ISSUER_NAME: name } = serverEnv();
  const { keys } = await publicJwks();
  return Response.json({
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `${base}/issuer`,
    type: ['Profile'],
    name,
    url: base,
    description: 'Open-source telemedicine training for medical students and doctors.',
    verificationMethod: keys.map((k) => ({ id: `${base}/issuer#${k.kid}`, type: 'JsonWebKey', controller: `${base}/issuer`, publicKeyJwk: k })),
  });
}
