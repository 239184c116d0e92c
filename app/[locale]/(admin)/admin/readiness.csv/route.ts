import { readDb } from '@/db/replica';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { platformReadinessCsv } from '@/lib/services/readiness-export';

/** The national view as CSV, for platform admins (the query refuses anyone else: 403). */
export const GET = route('text', async () => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'national readiness export', 'Sign in to export these figures.');
  const { csv, filename } = await platformReadinessCsv(readDb(), user, await getCatalog(), new Date());
  return new Response(`\uFEFF${csv}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  });
});
