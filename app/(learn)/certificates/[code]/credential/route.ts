import { getDb } from '@/db/client';
import { getOwnCertificate } from '@/db/queries/certificates';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The holder's Open Badges 3.0 credential, as the signed VC-JWT file a badge wallet imports (the badge page explains it). */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your badge.', { status: 401 });
  const { code } = await params;
  try {
    const cert = await getOwnCertificate(getDb(), user, code);
    return new Response(cert.credential, {
      headers: {
        'content-type': 'application/vc+jwt',
        'content-disposition': `attachment; filename="open-badge-${cert.code}.jwt"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Certificate not found.', { status: 404 });
    throw error;
  }
}
