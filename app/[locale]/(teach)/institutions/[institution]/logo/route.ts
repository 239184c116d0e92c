import { getDb } from '@/db/client';
import { institutionLogo } from '@/db/queries/institutions';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

/**
 * An institution's logo, for anyone: it is printed on public certificates and their verify page.
 * Asked for with its current version (?v=), it never changes, so it is cached for a year.
 */
export const GET = route('text', async (request: Request, { params }: { params: Promise<{ institution: string }> }) => {
  const logo = await institutionLogo(getDb(), (await params).institution);
  if (!logo) throw new AppError('not_found', 'logo');
  const current = new URL(request.url).searchParams.get('v') === logo.version;
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      'content-type': logo.type,
      'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    },
  });
});
