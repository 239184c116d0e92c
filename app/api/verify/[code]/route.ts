import { getDb } from '@/db/client';
import { getPublicCertificate } from '@/db/queries/certificates';
import { publicRecord } from '@/lib/certification/public';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The public record of a certificate, and its signed credential, for machines. */
export const GET = route('json', async (_request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  const cert = await getPublicCertificate(getDb(), code);
  if (!cert) throw new AppError('not_found', `certificate ${code}`, 'No certificate has this code.');
  return Response.json({ ...publicRecord(cert, new Date()), credential: cert.credential }, { headers: { 'cache-control': 'no-store' } });
});
