import { getDb } from '@/db/client';
import { getOwnCertificate } from '@/db/queries/certificates';
import { getCurrentUser } from '@/lib/auth/session';
import { readCertificateDetails } from '@/lib/certification/details';
import { renderCertificatePdf } from '@/lib/certification/pdf';
import { absoluteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The holder's certificate as a PDF (the holder, or an admin). */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your certificate.', { status: 401 });
  const { code } = await params;
  try {
    const cert = await getOwnCertificate(getDb(), user, code);
    const pdf = await renderCertificatePdf({ ...cert, details: readCertificateDetails(cert.details), verifyUrl: absoluteUrl(`/verify/${cert.code}`), revoked: cert.revokedAt !== null });
    return new Response(Buffer.from(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="certificate-${cert.code}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Certificate not found.', { status: 404 });
    throw error;
  }
}
