import type { Metadata } from 'next';
import Link from 'next/link';
import { readDb } from '@/db/replica';
import { cohortLearner } from '@/db/queries/cohort-readiness';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { RequirementList } from '@/components/certificates/RequirementList';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
import { DomainTable } from '@/components/readiness/DomainTable';
import { statusLabels } from '@/components/cohorts/charts';
import { formatDate, percent } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { orNotFound } from '../../cohort-page';

export const metadata: Metadata = { title: 'Learner progress', robots: { index: false } };

type Props = { params: Promise<{ cohort: string; learner: string }> };

export default async function CohortLearnerPage({ params }: Props) {
  const { cohort: cohortId, learner: userId } = await params;
  const user = await requireRole('instructor', cohortPaths.learner(cohortId, userId));
  const catalog = await getCatalog();
  const { cohort, learner } = await orNotFound(cohortLearner(readDb(), user, cohortId, userId, catalog, new Date()));
  const moduleTitle = (slug: string) => catalog.modules.find((m) => m.slug === slug)?.meta.title ?? slug;
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={cohortPaths.list}>Cohorts</Link> › <Link href={cohortPaths.dashboard(cohort.id)}>{cohort.name}</Link> › {learner.name}
        </p>
        <h1 className="m-0">{learner.name}</h1>
        <p className="m-0" data-testid="learner-summary">
          {learner.email} · joined {formatDate(learner.joinedAt)} · <strong>{statusLabels[learner.status]}</strong> · {percent(learner.progress)} of the
          programme&apos;s requirements{learner.certified ? ' · certified' : ''}
        </p>
      </header>
      <section aria-labelledby="modules" className="stack">
        <h2 id="modules">Modules</h2>
        <ul className="stack">
          {learner.modules.map((m) => (
            <li key={m.slug}>
              <p className="m-0">{moduleTitle(m.slug)}</p>
              <ProgressBar done={m.done} total={m.total} label={m.done === m.total ? 'Module complete' : 'Lessons done'} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="requirements">
        <h2 id="requirements">Requirements</h2>
        <p className="m-0 small muted">Each counts the learner&apos;s best graded attempt; a later, weaker replay is practice and lowers nothing.</p>
        <div data-testid="learner-requirements">
          <RequirementList requirements={learner.requirements.filter((r) => r.kind !== 'module')} catalog={catalog} />
        </div>
      </section>
      <section aria-labelledby="domains">
        <h2 id="domains">Competency domains</h2>
        <DomainTable domains={learner.domains} catalog={catalog} testId="learner-domains" />
      </section>
    </div>
  );
}
