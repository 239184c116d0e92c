import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { gradeSyncFor } from '@/db/queries/lti-grades';
import { lmsCoursesOf } from '@/db/queries/lti-roster';
import { requireRole } from '@/lib/auth/session';
import { rosterStale } from '@/lib/domain/lti-roster';
import { formatDate, formatTime } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { cohortOr404, orNotFound } from '../cohort-page';
import { RosterSyncForm } from './RosterSyncForm';

export const metadata: Metadata = { title: 'LMS course: roster and grade sync', robots: { index: false } };

type Props = { params: Promise<{ cohort: string }> };

const when = (d: Date) => `${formatDate(d)} ${formatTime(d)}`;

function outcomeOf(row: { outcome: 'sent' | 'refused' | null; attempts: number }) {
  if (row.outcome === 'sent') return 'Sent';
  if (row.outcome === 'refused') return 'Refused by the LMS';
  return row.attempts > 0 ? 'Failing, retried' : 'Waiting';
}

export default async function CohortLmsPage({ params }: Props) {
  const { cohort: cohortId } = await params;
  const user = await requireRole('instructor', cohortPaths.lms(cohortId));
  const db = getDb();
  const [cohort, courses, grades] = await Promise.all([cohortOr404(user, cohortId), orNotFound(lmsCoursesOf(db, user, cohortId)), orNotFound(gradeSyncFor(db, user, cohortId))]);
  const now = new Date();
  const withRoster = courses.filter((c) => c.membershipsUrl);
  return (
    <div className="stack-lg max-w-4xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={cohortPaths.list}>Cohorts</Link> › <Link href={cohortPaths.dashboard(cohort.id)}>{cohort.name}</Link> › LMS course
        </p>
        <h1 className="m-0">LMS course of {cohort.name}</h1>
      </header>
      {courses.length === 0 ? (
        <p data-testid="no-lms">This cohort is not linked to an LMS course. A course becomes a cohort when its first learner launches this site from it.</p>
      ) : (
        <section aria-labelledby="roster" className="card stack">
          <h2 id="roster" className="m-0">
            Roster
          </h2>
          <ul className="m-0">
            {courses.map((c) => (
              <li key={`${c.platform.id}:${c.contextId}`}>
                {c.platform.name}, course <span className="font-mono">{c.contextId}</span>:{' '}
                {c.membershipsUrl ? (c.rosterSyncedAt ? `roster last synced ${when(c.rosterSyncedAt)}` : 'roster not synced yet') : 'the LMS has not offered its roster (Names and Role Provisioning Services)'}
              </li>
            ))}
          </ul>
          <p className="m-0 small muted">
            Learners listed in the course join this cohort (an account is made for those who have none, as at a first launch); learners who left the course are marked as left here, and keep their records. Opening this page syncs a roster older than 15 minutes.
          </p>
          {withRoster.length > 0 ? <RosterSyncForm cohortId={cohort.id} auto={withRoster.some((c) => rosterStale(c.rosterSyncedAt, now))} /> : null}
        </section>
      )}
      <section aria-labelledby="grades" className="stack">
        <h2 id="grades" className="m-0">
          Grade sync
        </h2>
        <p className="m-0 small muted">
          Scores sent to the LMS gradebook: a graded quiz, a finished consult or an issued certificate, for course activities linked to them. A failure is retried (30 seconds, then twice as long each time); a refusal by the LMS is shown with its reason and not retried.
        </p>
        {grades.length === 0 ? (
          <p data-testid="no-grades">Nothing sent yet.</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="grade-sync">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Learner</th>
                  <th scope="col">Activity</th>
                  <th scope="col">Score</th>
                  <th scope="col">Status</th>
                  <th scope="col">The LMS said</th>
                </tr>
              </thead>
              <tbody>
                {grades.map((g) => (
                  <tr key={`${g.eventId}:${g.resourceLinkId}`}>
                    <td>{when(g.doneAt ?? g.createdAt)}</td>
                    <td>{g.learner}</td>
                    <td>{g.activity ?? g.target}</td>
                    <td>
                      {String(g.score.scoreGiven)} / {String(g.score.scoreMaximum)}
                    </td>
                    <td>{outcomeOf(g)}</td>
                    <td>{g.lastError ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
