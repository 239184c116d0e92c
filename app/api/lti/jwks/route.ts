import { ltiJwks } from '@/lib/lti/keys';
import { route } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The tool's public RSA key for LTI 1.3 (a JWK Set): the "public keyset URL" an LMS asks for. */
export const GET = route('json', async () => Response.json(await ltiJwks(), { headers: { 'cache-control': 'public, max-age=3600' } }));
