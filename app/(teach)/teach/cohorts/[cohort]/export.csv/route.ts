import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { cohortExport } from '@/lib/services/cohort-export';

type Context = { params: Promise<{ cohort: string }> };

/** The roster with progress and scores as CSV, for the cohort's owner or an admin; anyone else gets a 404. */
export async function GET(_request: Request, { params }: Context) {
  const { cohort: cohortId } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export a cohort.', { status: 401 });
  try {
    const { csv, filename } = await cohortExport(getDb(), user, cohortId, await getCatalog(), new Date());
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return new Response('Cohort not found.', { status: 404 });
    throw error;
  }
}
