import { readDb } from '@/db/replica';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { exportZip } from '@/lib/privacy/export-shape';
import { collectPersonalData } from '@/lib/services/privacy';

export const dynamic = 'force-dynamic';

/** "Download my data": the signed-in person's own rows, as JSON per table and a readable index.html. */
export const GET = route('text', async () => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'data export', 'Sign in to download your data.');
  const now = new Date();
  const zip = exportZip(await collectPersonalData(readDb(), user.id, now), 'TeleHealth Ready');
  const name = `telehealth-ready-data-${now.toISOString().slice(0, 10)}.zip`;
  return new Response(Buffer.from(zip), {
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store, private' },
  });
});
