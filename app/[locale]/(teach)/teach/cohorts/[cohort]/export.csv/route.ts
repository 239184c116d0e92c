import { readDb } from '@/db/replica';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { cohortExport } from '@/lib/services/cohort-export';

type Context = { params: Promise<{ cohort: string }> };

/** The roster with progress and scores as CSV, for the cohort's owner or an admin; anyone else gets a 404. */
export const GET = route('text', async (_request: Request, { params }: Context) => {
  const { cohort: cohortId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'cohort export', 'Sign in to export a cohort.');
  try {
    const { csv, filename } = await cohortExport(readDb(), user, cohortId, await getCatalog(), new Date());
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    // Another instructor's cohort is "not found", never "forbidden": its existence is not confirmed.
    if (error instanceof AppError && error.code === 'forbidden') throw new AppError('not_found', error.detail, 'Cohort not found.');
    throw error;
  }
});
