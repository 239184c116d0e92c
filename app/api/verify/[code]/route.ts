import { getDb } from '@/db/client';
import { getPublicCertificate } from '@/db/queries/certificates';
import { publicRecord } from '@/lib/certification/public';

export const dynamic = 'force-dynamic';

/** The public record of a certificate, and its signed credential, for machines. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const cert = /^[a-z2-9]{16}$/.test(code) ? await getPublicCertificate(getDb(), code) : null;
  if (!cert) return Response.json({ error: 'No certificate has this code.' }, { status: 404 });
  return Response.json({ ...publicRecord(cert, new Date()), credential: cert.credential }, { headers: { 'cache-control': 'no-store' } });
}
