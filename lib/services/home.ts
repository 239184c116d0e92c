import 'server-only';
// What a signed-in person's home shows, gathered from the queries every other page uses (each takes
// the acting user and returns only their rows), then shaped by lib/domain/home. Reads only.
import type { Db } from '@/db/client';
import { listOwnCertificates } from '@/db/queries/certificates';
import { pendingInvitationsFor } from '@/db/queries/cohort-invitations';
import { cohortRollups } from '@/db/queries/cohort-rollups';
import { listOwnCohorts, listStaffCohorts } from '@/db/queries/cohorts';
import { listOwnConsults } from '@/db/queries/consult-records';
import { listOwnCompletions } from '@/db/queries/progress';
import { listOwnAttempts } from '@/db/queries/quiz-records';
import type { SessionUser } from '@/db/queries/sessions';
import { ownReadiness } from '@/lib/certification/programmes';
import type { Catalog } from '@/lib/content/catalog';
import { certificateStatus } from '@/lib/domain/certification';
import { type ResultFact, recentResults, resumePoints } from '@/lib/domain/home/resume';
import { isStaff } from '@/lib/domain/roles';

/** The learner's side of the home: what to continue, the programmes, cohorts, invitations, results and certificates to renew. */
export async function learnerHome(db: Db, user: SessionUser, catalog: Catalog, now: Date) {
  const [completions, attempts, consults, programmes, certs, cohorts, invitations] = await Promise.all([
    listOwnCompletions(db, user),
    listOwnAttempts(db, user),
    listOwnConsults(db, user),
    ownReadiness(db, user, catalog),
    listOwnCertificates(db, user),
    // Staff run cohorts rather than join them (see the cohorts page).
    isStaff(user.role) ? Promise.resolve([]) : listOwnCohorts(db, user),
    pendingInvitationsFor(db, user, now),
  ]);
  const modules = catalog.modules.map((m) => ({ slug: m.slug, lessons: m.lessons.map((l) => ({ slug: l.slug })) }));
  const openConsults = [...consults.values()].flatMap((r) => (r.open ? [{ id: r.open.id, caseId: r.caseId, startedAt: r.open.startedAt, step: r.open.step }] : []));
  const results: ResultFact[] = [
    ...attempts.flatMap((a): ResultFact[] => (a.submittedAt ? [{ kind: 'quiz', id: a.id, itemId: a.quizId, at: a.submittedAt, score: a.score, passed: a.passed }] : [])),
    ...[...consults.values()].flatMap((r) =>
      r.attempts.flatMap((a): ResultFact[] => (a.finishedAt && a.status !== 'abandoned' ? [{ kind: 'consult', id: a.id, itemId: r.caseId, at: a.finishedAt, score: a.score, passed: a.passed }] : [])),
    ),
  ];
  const windowOf = (programmeId: string) => catalog.programmes.find((p) => p.def.id === programmeId)?.def.recertifyWindowDays ?? 60;
  // The latest certificate of each programme, when it needs renewing (or has lapsed) and is not revoked.
  const latest = new Map<string, (typeof certs)[number]>();
  for (const c of certs) if (!latest.has(c.programmeId)) latest.set(c.programmeId, c);
  const renewals = [...latest.values()]
    .map((c) => ({ cert: c, status: certificateStatus(c, now, windowOf(c.programmeId)) }))
    .filter((c) => c.status === 'recertify-soon' || c.status === 'expired');
  return {
    resume: resumePoints({ modules, completions, quizAttempts: attempts, openConsults, now }),
    programmes,
    cohorts,
    invitations,
    results: recentResults(results),
    renewals,
    lessonsDone: completions.length,
  };
}

export type LearnerHome = Awaited<ReturnType<typeof learnerHome>>;

/** How many open cohorts the home sums up (an admin runs every cohort of the platform; the full list is under Teaching). */
export const homeCohortLimit = 10;

/**
 * The open cohorts a staff member runs, soonest due first, each with its readiness counts (ready,
 * on track, behind, not started) from the same rollup the institution pages read.
 */
export async function staffHome(db: Db, user: SessionUser, catalog: Catalog, now: Date) {
  if (!isStaff(user.role)) return null;
  const all = await listStaffCohorts(db, user);
  const open = all.filter((c) => c.closedAt === null).sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime());
  const shown = open.slice(0, homeCohortLimit);
  const rows = await cohortRollups(db, shown, catalog, now);
  return {
    total: open.length,
    cohorts: shown.map((c) => ({ ...c, daysLeft: Math.ceil((c.dueDate.getTime() - now.getTime()) / 86_400_000), rollup: rows.get(c.id) ?? null })),
  };
}
