import type { listCohortInvitations } from '@/db/queries/cohort-invitations';
import type { InvitationState } from '@/lib/domain/cohorts';
import { formatDate } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { InvitationActions } from '../../StaffForms';

export const invitationStateLabel: Record<InvitationState, string> = {
  sending: 'Sending',
  sent: 'Sent',
  failed: 'E-mail failed',
  accepted: 'Accepted',
  declined: 'Declined',
  revoked: 'Withdrawn',
  expired: 'Expired',
};

type Row = Awaited<ReturnType<typeof listCohortInvitations>>[number];

/** Every invitation of the cohort with its state; open ones can be resent or withdrawn. */
export function Invitations({ cohortId, rows }: { cohortId: string; rows: readonly Row[] }) {
  return (
    <section aria-labelledby="invitations" className="stack">
      <h2 id="invitations" className="m-0">
        Invitations ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="m-0 muted">None yet.</p>
      ) : (
        <>
          <p className="m-0">
            <a href={cohortPaths.invitationsCsv(cohortId)}>Download the invitation list (CSV)</a>
          </p>
          <div className="table-wrap">
            <table data-testid="invitations">
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">State</th>
                  <th scope="col">Dates</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-invitation={r.email}>
                    <td>
                      {r.email}
                      {r.studentId ? <div className="small muted">Student ID {r.studentId}</div> : null}
                    </td>
                    <td data-testid="invitation-state">
                      {invitationStateLabel[r.state]}
                      {r.state === 'failed' && r.mailError ? <div className="small text-danger">{r.mailError}</div> : null}
                    </td>
                    <td className="small">
                      invited {formatDate(r.createdAt)}
                      {r.answeredAt ? ` · ${invitationStateLabel[r.state].toLowerCase()} ${formatDate(r.answeredAt)}` : ` · open until ${formatDate(r.expiresAt)}`}
                    </td>
                    <td>{['sending', 'sent', 'failed', 'expired'].includes(r.state) ? <InvitationActions invitationId={r.id} email={r.email} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
