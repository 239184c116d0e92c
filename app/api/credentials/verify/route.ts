import { z } from 'zod';
import { getDb } from '@/db/client';
import { getPublicCertificate } from '@/db/queries/certificates';
import { publicRecord } from '@/lib/certification/public';
import { verifyOpenBadge } from '@/lib/credentials/open-badge';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ credential: z.string().min(10).max(20_000) });

/**
 * Verifies an Open Badges credential (VC-JWT): its signature against the site's key, then the
 * certificate's current status. `verified` is true only when both are good.
 */
export const POST = route('json', async (request: Request) => {
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new AppError('bad_request', 'credential verify body', 'Send JSON: { "credential": "<the VC-JWT>" }.');
  const checked = await verifyOpenBadge(parsed.data.credential);
  if (!checked.signatureValid) return Response.json({ verified: false, signatureValid: false, reason: checked.reason });
  const cert = checked.code ? await getPublicCertificate(getDb(), checked.code) : null;
  if (!cert || cert.credential !== parsed.data.credential) {
    return Response.json({ verified: false, signatureValid: true, reason: 'This credential is not on record here.' });
  }
  const record = publicRecord(cert, new Date());
  return Response.json({ verified: record.status === 'valid', signatureValid: true, ...record });
});
