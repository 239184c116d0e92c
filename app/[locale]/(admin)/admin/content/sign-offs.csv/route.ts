import { readDb } from '@/db/replica';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { signOffCsv } from '@/lib/services/review';

/** Every review decision as CSV, oldest first, for an accreditation file: reviewers and admins only (the query refuses anyone else). */
export const GET = route('text', async () => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'review export', 'Sign in to export the review record.');
  const now = new Date();
  const csv = await signOffCsv(readDb(), user, await getCatalog());
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="clinical-review-${now.toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
