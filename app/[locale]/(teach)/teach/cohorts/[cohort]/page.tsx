import { pageParam } from '@/lib/validation/query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readDb } from '@/db/replica';
import { cohortReadiness } from '@/db/queries/cohort-readiness';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { domainAverages, learnerPage } from '@/lib/domain/cohorts';
import type { ReadinessStatus } from '@/lib/domain/readiness';
import { BarList, DomainHeatmap, StatusChart, statusLabels, statusOrder } from '@/components/cohorts/charts';
import { formatDate, formatTime, percent } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { ReadinessDefinition } from '@/components/cohorts/ReadinessDefinition';
import { orNotFound } from './cohort-page';

export const metadata: Metadata = { title: 'Cohort readiness', robots: { index: false } };

type Props = { params: Promise<{ cohort: string }>; searchParams: Promise<{ status?: string; page?: string }> };

const isStatus = (s: string | undefined): s is ReadinessStatus => statusOrder.some((k) => k === s);

export default async function CohortDashboardPage({ params, searchParams }: Props) {
  const [{ cohort: cohortId }, query] = await Promise.all([params, searchParams]);
  const user = await requireRole('instructor', cohortPaths.dashboard(cohortId));
  const catalog = await getCatalog();
  const r = await orNotFound(cohortReadiness(readDb(), user, cohortId, catalog, new Date(), { requirements: false }));
  const { cohort } = r;
  const programme = catalog.programmes.find((p) => p.def.id === cohort.programmeId)!.def;
  const domains = catalog.competencies.domains.map((d) => ({ id: d.id, short: d.short }));
  const status = isStatus(query.status) ? query.status : undefined;
  const page = learnerPage(r.learners, { status, page: pageParam(query.page) });
  const moduleTitle = (slug: string) => catalog.modules.find((m) => m.slug === slug)?.meta.title ?? slug;
  const averages = domainAverages(r.learners);
  const errorLabel = (caseId: string, id: string) => {
    const found = catalog.cases.find((c) => c.def.id === caseId)?.def;
    return { caseTitle: found?.title ?? caseId, label: found?.rubric.criticalErrors.find((e) => e.id === id)?.label ?? id };
  };
  const href = (s: ReadinessStatus | undefined, p = 1) => `${cohortPaths.dashboard(cohort.id)}?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}#learners`;
  return (
    <div className="stack-lg">
      <header className="stack">
        <p className="m-0 small">
          <Link href={cohortPaths.list}>Cohorts</Link> › {cohort.name}
        </p>
        <h1 className="m-0">Readiness: {cohort.name}</h1>
        <p className="m-0" data-testid="cohort-summary">
          {r.learners.length} member{r.learners.length === 1 ? '' : 's'} · towards {programme.title} · due {formatDate(cohort.dueDate)}
          {cohort.closedAt ? ' · closed to new members' : ''}
        </p>
        <p className="m-0 small muted">
          Figures as of <time dateTime={r.computedAt.toISOString()}>{formatTime(r.computedAt)}</time>, including every activity recorded until then.
        </p>
        <p className="m-0 small">
          <Link href={cohortPaths.members(cohort.id)}>Members and join code</Link> · <a href={cohortPaths.export(cohort.id)} download>Export roster with progress (CSV)</a>
        </p>
      </header>
      <ReadinessDefinition />
      <section aria-labelledby="status">
        <h2 id="status">Where the cohort stands</h2>
        <StatusChart counts={r.counts} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="domains">
          <h2 id="domains">Competency domains</h2>
          <BarList
            testId="domain-averages"
            rows={averages.map((a) => ({ label: `${a.domain} ${domains.find((d) => d.id === a.domain)?.short} (${a.assessed} assessed)`, value: a.mean ?? 0 }))}
            max={100}
            unit="% mean score"
            caption="Mean domain score (%) among the members each domain has assessed."
          />
        </section>
        <section aria-labelledby="modules">
          <h2 id="modules">Completion by module</h2>
          <BarList
            testId="module-completion"
            rows={r.modules.map((m) => ({ label: moduleTitle(m.slug), value: m.completed }))}
            max={Math.max(1, r.learners.length)}
            unit="members completed"
            caption={`Members (of ${r.learners.length}) who have completed each module of the programme.`}
          />
        </section>
      </div>
      <section aria-labelledby="errors">
        <h2 id="errors">Most common critical errors in virtual consults</h2>
        {r.criticalErrors.length === 0 ? (
          <p>No critical errors in this cohort&apos;s finished consults.</p>
        ) : (
          <ol className="stack" data-testid="critical-errors">
            {r.criticalErrors.map((e) => {
              const { caseTitle, label } = errorLabel(e.caseId, e.id);
              return (
                <li key={`${e.caseId}/${e.id}`}>
                  <strong>{label}</strong>{' '}
                  <span className="small muted">
                    — {caseTitle}: {e.learners} learner{e.learners === 1 ? '' : 's'}, {e.attempts} attempt{e.attempts === 1 ? '' : 's'}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="quizzes">
        <h2 id="quizzes">Quiz item statistics for this cohort</h2>
        <ul>
          {programme.requirements.quizzes.map((q) => (
            <li key={q.quiz}>
              <Link href={cohortPaths.quiz(cohort.id, q.quiz)}>{catalog.quizzes.find((x) => x.def.id === q.quiz)?.def.title ?? q.quiz}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="learners" className="stack">
        <h2 id="learners" className="m-0">
          Learners
        </h2>
        <nav aria-label="Filter by status" className="flex flex-wrap gap-x-4 small">
          <Link href={href(undefined)} aria-current={status === undefined ? 'page' : undefined}>
            All ({r.learners.length})
          </Link>
          {statusOrder.map((s) => (
            <Link key={s} href={href(s)} aria-current={status === s ? 'page' : undefined}>
              {statusLabels[s]} ({r.counts[s]})
            </Link>
          ))}
        </nav>
        {page.rows.length === 0 ? (
          <p>No members{status ? ` are ${statusLabels[status].toLowerCase()}` : ' yet: share the join code from the members page'}.</p>
        ) : (
          <>
            <DomainHeatmap rows={page.rows.map((l) => ({ id: l.userId, name: l.name, domains: l.domains }))} domains={domains} />
            <div className="table-wrap">
              <table data-testid="learners">
                <caption className="sr-only">Learners, their status, progress and domain scores</caption>
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                    {domains.map((d) => (
                      <th scope="col" key={d.id}>
                        <abbr title={d.short}>{d.id}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((l) => (
                    <tr key={l.userId} data-learner={l.email}>
                      <th scope="row">
                        <Link href={cohortPaths.learner(cohort.id, l.userId)}>{l.name}</Link>
                      </th>
                      <td data-testid="learner-status">{statusLabels[l.status]}</td>
                      <td data-testid="learner-progress">{percent(l.progress)}</td>
                      {l.domains.map((d) => (
                        <td key={d.domain}>{d.percent === null ? <span aria-label="not assessed">—</span> : `${d.percent}%`}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.pages > 1 ? (
              <nav aria-label="Pages" className="pager">
                {page.page > 1 ? <Link href={href(status, page.page - 1)}>Previous</Link> : null}
                <span>
                  Page {page.page} of {page.pages} ({page.total} learners)
                </span>
                {page.page < page.pages ? <Link href={href(status, page.page + 1)}>Next</Link> : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
