import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listCohortInvitations } from '@/db/queries/cohort-invitations';
import { cohortTeachers } from '@/db/queries/cohort-staff';
import { cohortMembers, formerMembers } from '@/db/queries/cohorts';
import { lmsCoursesOf } from '@/db/queries/lti-roster';
import { requireRole } from '@/lib/auth/session';
import { isErasedAddress } from '@/lib/privacy/registry';
import { serverEnv } from '@/lib/env';
import { formatJoinCode } from '@/lib/domain/cohorts';
import { formatDate } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { ButtonForm } from '@/components/forms/ButtonForm';
import { removeMemberAction } from '../../actions';
import { CloseCohortForm, InviteOneForm, RosterImportForm } from '../../StaffForms';
import { Invitations } from './Invitations';
import { Teachers } from './Teachers';
import { cohortOr404, orNotFound } from '../cohort-page';

export const metadata: Metadata = { title: 'Cohort members', robots: { index: false } };

type Props = { params: Promise<{ cohort: string }> };

export default async function CohortMembersPage({ params }: Props) {
  const { cohort: cohortId } = await params;
  const user = await requireRole('instructor', cohortPaths.members(cohortId));
  const db = getDb();
  const [cohort, members, invitations, former, teachers, lmsCourses] = await Promise.all([
    cohortOr404(user, cohortId),
    orNotFound(cohortMembers(db, user, cohortId)),
    orNotFound(listCohortInvitations(db, user, cohortId, new Date())),
    orNotFound(formerMembers(db, user, cohortId)),
    orNotFound(cohortTeachers(db, user, cohortId)),
    orNotFound(lmsCoursesOf(db, user, cohortId)),
  ]);
  const link = cohortPaths.joinLink(serverEnv().publicUrl, cohort.joinCode);
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={cohortPaths.list}>Cohorts</Link> › <Link href={cohortPaths.dashboard(cohort.id)}>{cohort.name}</Link> › Members
        </p>
        <h1 className="m-0">Members of {cohort.name}</h1>
        {lmsCourses.length > 0 ? (
          <p className="m-0">
            Linked to an LMS course: <Link href={cohortPaths.lms(cohort.id)}>roster sync and grade sync</Link>
          </p>
        ) : null}
      </header>
      {cohort.closedAt ? (
        <p className="notice notice-error" data-testid="cohort-closed">
          Closed to new members on {formatDate(cohort.closedAt)}.
        </p>
      ) : (
        <section aria-labelledby="invite" className="card stack">
          <h2 id="invite" className="m-0">
            Invite learners
          </h2>
          <p className="m-0">
            Join code: <strong className="font-mono text-lg" data-testid="join-code">{formatJoinCode(cohort.joinCode)}</strong>
          </p>
          <p className="m-0">
            Join link: <input readOnly value={link} aria-label="Join link" className="w-full font-mono text-sm" data-testid="join-link" />
          </p>
          <p className="m-0 small muted">Learners sign in (or sign up) and are told what you will see before they join. They can leave at any time.</p>
          <h3 className="m-0">Import a roster</h3>
          <p className="m-0 small">
            Everyone on it gets an invitation by e-mail, with what you will see of their work; nobody joins until they accept. If any row is wrong, nothing is sent.
          </p>
          <RosterImportForm cohortId={cohort.id} />
          <h3 className="m-0">Invite one learner</h3>
          <InviteOneForm cohortId={cohort.id} />
        </section>
      )}
      <section aria-labelledby="members">
        <h2 id="members">
          {members.length} member{members.length === 1 ? '' : 's'}
        </h2>
        {members.length > 0 ? (
          <div className="table-wrap">
            <table data-testid="members" className="stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Student ID</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link href={cohortPaths.learner(cohort.id, m.id)}>{m.name}</Link>
                    </td>
                    <td data-label="Email">{m.email}</td>
                    <td data-label="Student ID">{m.studentId ?? '—'}</td>
                    <td data-label="Joined">{formatDate(m.joinedAt)}</td>
                    <td>
                      <ButtonForm action={removeMemberAction} fields={{ cohortId: cohort.id, userId: m.id }} label="Remove" hidden={m.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <Invitations cohortId={cohort.id} rows={invitations} />
      <Teachers cohortId={cohort.id} owner={teachers.owner} coTeachers={teachers.coTeachers} />
      {former.length > 0 ? (
        <section aria-labelledby="former" className="stack">
          <h2 id="former" className="m-0">
            Left the cohort ({former.length})
          </h2>
          <ul data-testid="former-members">
            {former.map((m) => (
              <li key={m.id}>
                {m.name}{isErasedAddress(m.email) ? '' : ` (${m.email})`} · left {m.leftAt ? formatDate(m.leftAt) : ''}
              </li>
            ))}
          </ul>
          <p className="m-0 small muted">You no longer see anything of their work.</p>
        </section>
      ) : null}
      {cohort.closedAt ? null : (
        <section aria-labelledby="close" className="stack">
          <h2 id="close">Close the cohort</h2>
          <p className="m-0">Closing stops new members from joining. Current members and the dashboard stay.</p>
          <CloseCohortForm cohortId={cohort.id} />
        </section>
      )}
    </div>
  );
}
