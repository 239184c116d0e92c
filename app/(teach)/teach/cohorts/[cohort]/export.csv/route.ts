import { getDb } from '@/db/client';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { rosterCsv } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';

type Context = { params: Promise<{ cohort: string }> };

/** The roster with progress and scores as CSV, for the cohort's owner or an admin; anyone else gets a 404. */
export async function GET(_request: Request, { params }: Context) {
  const { cohort: cohortId } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export a cohort.', { status: 401 });
  try {
    const catalog = await getCatalog();
    const r = await cohortReadiness(getDb(), user, cohortId, catalog, new Date(), { errorLimit: 0 });
    const programme = catalog.programmes.find((p) => p.def.id === r.cohort.programmeId)!.def;
    const csv = rosterCsv(r.learners, {
      quizzes: programme.requirements.quizzes.map((q) => q.quiz),
      cases: [...programme.requirements.consults.required, ...(programme.requirements.consults.anyOf?.from ?? [])],
    });
    const filename = `${r.cohort.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'cohort'}-${new Date().toISOString().slice(0, 10)}.csv`;
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
