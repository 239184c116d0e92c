import { timingSafeEqual } from 'node:crypto';
import { getDb } from '@/db/client';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { runMaintenance } from '@/lib/services/maintenance';

export const dynamic = 'force-dynamic';

function authorised(request: Request, secret: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The outbox's recovery pass for serverless hosts, where no server keeps a timer (Vercel Cron calls
 * it with `Authorization: Bearer $CRON_SECRET`). Without CRON_SECRET the route does not exist.
 */
export const GET = route('text', async (request: Request) => {
  const secret = serverEnv().CRON_SECRET;
  if (!secret) throw new AppError('not_found', 'events process without CRON_SECRET');
  if (!authorised(request, secret)) throw new AppError('unauthorized', 'events process', 'Send Authorization: Bearer $CRON_SECRET.');
  return Response.json(await runMaintenance(getDb()), { headers: { 'cache-control': 'no-store' } });
});
