import { getDb } from '@/db/client';
import { issuedLogo } from '@/db/queries/certificate-institutions';
import { getOwnCertificate } from '@/db/queries/certificates';
import { getCurrentUser } from '@/lib/auth/session';
import { readCertificateDetails } from '@/lib/certification/details';
import { renderCertificatePdf } from '@/lib/certification/pdf';
import { absoluteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The holder's certificate as a PDF (the holder, or an admin). */
export const GET = route('text', async (_request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'certificate download', 'Sign in to download your certificate.');
  const { code } = await params;
  {
    const cert = await getOwnCertificate(getDb(), user, code);
    const details = readCertificateDetails(cert.details);
    const institutionLogo = details.institution ? await issuedLogo(getDb(), details.institution) : null;
    const pdf = await renderCertificatePdf({ ...cert, details, institutionLogo, verifyUrl: absoluteUrl(`/verify/${cert.code}`), revoked: cert.revokedAt !== null });
    return new Response(Buffer.from(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="certificate-${cert.code}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  }
});
