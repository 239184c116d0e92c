import { getDb } from '@/db/client';
import { getOwnCertificate } from '@/db/queries/certificates';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The holder's Open Badges 3.0 credential, as the signed VC-JWT file a badge wallet imports (the badge page explains it). */
export const GET = route('text', async (_request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'badge download', 'Sign in to download your badge.');
  const { code } = await params;
  const cert = await getOwnCertificate(getDb(), user, code);
  return new Response(cert.credential, {
    headers: {
      'content-type': 'application/vc+jwt',
      'content-disposition': `attachment; filename="open-badge-${cert.code}.jwt"`,
      'cache-control': 'private, no-store',
    },
  });
});
