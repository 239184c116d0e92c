import { timingSafeEqual } from 'node:crypto';
import { getDb } from '@/db/client';
import { serverEnv } from '@/lib/env';
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
export async function GET(request: Request) {
  const secret = serverEnv().CRON_SECRET;
  if (!secret) return new Response('Not found.', { status: 404 });
  if (!authorised(request, secret)) return new Response('Unauthorised.', { status: 401 });
  return Response.json(await runMaintenance(getDb()), { headers: { 'cache-control': 'no-store' } });
}
