import { publicJwks } from '@/lib/credentials/keys';

export const dynamic = 'force-dynamic';

/** The public key credentials are signed with (a JWK Set), also served at /.well-known/jwks.json. */
export async function GET() {
  return Response.json(await publicJwks(), { headers: { 'cache-control': 'public, max-age=3600' } });
}
