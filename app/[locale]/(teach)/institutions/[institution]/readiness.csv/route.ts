import { readDb } from '@/db/replica';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { institutionReadinessCsv } from '@/lib/services/readiness-export';

type Context = { params: Promise<{ institution: string }> };

/** The institution dashboard's figures as CSV, for those who may read it; anyone else gets a 404 (its existence is not confirmed). */
export const GET = route('text', async (_request: Request, { params }: Context) => {
  const { institution } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'institution readiness export', 'Sign in to export these figures.');
  const { csv, filename } = await institutionReadinessCsv(readDb(), user, institution, await getCatalog(), new Date());
  return new Response(`\uFEFF${csv}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  });
});
