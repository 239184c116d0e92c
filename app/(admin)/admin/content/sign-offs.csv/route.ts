import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { canReview } from '@/lib/domain/roles';
import { signOffCsv } from '@/lib/services/review';

/** Every review decision as CSV, oldest first, for an accreditation file: reviewers and admins only. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export the review record.', { status: 401 });
  if (!canReview(user.role)) return new Response('Only clinical reviewers and admins can export the review record.', { status: 403 });
  const now = new Date();
  const csv = await signOffCsv(getDb(), user, await getCatalog());
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="clinical-review-${now.toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
