import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  const started = performance.now();
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: 'ok', database: 'reachable', ms: Math.round(performance.now() - started) });
  } catch (error) {
    console.error('[health] database unreachable', error);
    return Response.json({ status: 'error', database: 'unreachable' }, { status: 503 });
  }
}
