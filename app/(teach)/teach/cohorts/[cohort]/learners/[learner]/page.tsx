import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { cohortLearner } from '@/db/queries/cohort-readiness';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
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
  const { cohort, learner } = await orNotFound(cohortLearner(getDb(), user, cohortId, userId, catalog, new Date()));
  const moduleTitle = (slug: string) => catalog.modules.find((m) => m.slug === slug)?.meta.title ?? slug;
  const quizTitle = (id: string) => catalog.quizzes.find((q) => q.def.id === id)?.def.title ?? id;
  const caseTitle = (id: string) => catalog.cases.find((c) => c.def.id === id)?.def.title ?? id;
  const domainTitle = (id: string) => catalog.competencies.domains.find((d) => d.id === id)?.title ?? id;
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
        <h2 id="requirements">Quizzes and consults</h2>
        <ul data-testid="learner-requirements">
          {learner.requirements.flatMap((r) => {
            switch (r.kind) {
              case 'module':
                return [];
              case 'quiz':
                return [
                  <li key={`q-${r.id}`}>
                    {r.met ? '✓' : '○'} Quiz: {quizTitle(r.id)} — best {r.best === null ? 'not yet submitted' : `${r.best}%`} (needs {r.minScore}%)
                  </li>,
                ];
              case 'consult':
                return [
                  <li key={`c-${r.id}`}>
                    {r.met ? '✓' : '○'} Consult: {caseTitle(r.id)} — {r.met ? 'passed' : 'not passed yet'}
                  </li>,
                ];
              case 'consults-any':
                return [
                  <li key="any">
                    {r.met ? '✓' : '○'} {r.count} of {r.from.map(caseTitle).join(', ')} — passed: {r.passed.length === 0 ? 'none yet' : r.passed.map(caseTitle).join(', ')}
                  </li>,
                ];
              default:
                return [];
            }
          })}
        </ul>
      </section>
      <section aria-labelledby="domains">
        <h2 id="domains">Competency domains</h2>
        <div className="table-wrap">
          <table data-testid="learner-domains">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Score</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {learner.domains.map((d) => (
                <tr key={d.domain}>
                  <th scope="row">
                    {d.domain} {domainTitle(d.domain)}
                  </th>
                  <td>{d.percent === null ? 'not assessed' : `${d.percent}%`}</td>
                  <td>
                    {d.evidence} item{d.evidence === 1 ? '' : 's'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
