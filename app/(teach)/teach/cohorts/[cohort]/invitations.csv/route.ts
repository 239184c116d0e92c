import { getDb } from '@/db/client';
import { listCohortInvitations } from '@/db/queries/cohort-invitations';
import { getCurrentUser } from '@/lib/auth/session';
import { csvCell } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';

type Context = { params: Promise<{ cohort: string }> };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The cohort's invitations as CSV (address, student ID, state, dates), for its staff; anyone else gets a 404. */
export async function GET(_request: Request, { params }: Context) {
  const { cohort: cohortId } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export invitations.', { status: 401 });
  try {
    const rows = await listCohortInvitations(getDb(), user, cohortId, new Date());
    const header = ['email', 'student_id', 'state', 'invited_at', 'sent_at', 'answered_at', 'open_until'];
    const lines = [header.join(','), ...rows.map((r) => [r.email, r.studentId, r.state, iso(r.createdAt), iso(r.sentAt), iso(r.answeredAt), iso(r.expiresAt)].map(csvCell).join(','))];
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="invitations-${new Date().toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return new Response('Cohort not found.', { status: 404 });
    throw error;
  }
}
