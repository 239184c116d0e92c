import { readDb } from '@/db/replica';
import { listCohortInvitations } from '@/db/queries/cohort-invitations';
import { getCurrentUser } from '@/lib/auth/session';
import { csvCell } from '@/lib/domain/cohorts';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';

type Context = { params: Promise<{ cohort: string }> };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The cohort's invitations as CSV (address, student ID, state, dates), for its staff; anyone else gets a 404. */
export const GET = route('text', async (_request: Request, { params }: Context) => {
  const { cohort: cohortId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'invitations export', 'Sign in to export invitations.');
  try {
    const rows = await listCohortInvitations(readDb(), user, cohortId, new Date());
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
    // Another instructor's cohort is "not found", never "forbidden": its existence is not confirmed.
    if (error instanceof AppError && error.code === 'forbidden') throw new AppError('not_found', error.detail, 'Cohort not found.');
    throw error;
  }
});
