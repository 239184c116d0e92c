import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readDb } from '@/db/replica';
import { institutionReadiness } from '@/db/queries/institution-readiness';
import { requireUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { StatusChart } from '@/components/cohorts/charts';
import { formatDate, formatTime } from '@/components/cohorts/format';
import { cohortPaths } from '@/components/cohorts/paths';
import { ReadinessDefinition } from '@/components/cohorts/ReadinessDefinition';
import { CountingRule } from '@/components/readiness/CountingRule';
import { RollupTable, TrendTable } from '@/components/readiness/RollupTable';
import { institutionPaths } from '@/components/institutions/paths';
import { readinessPaths } from '@/components/readiness/paths';

export const metadata: Metadata = { title: 'Institution readiness', robots: { index: false } };

type Props = { params: Promise<{ institution: string }> };

/** An institution's cohorts side by side, for its admins, instructors and viewers (and platform admins); anyone else gets the 404 page. */
export default async function InstitutionReadinessPage({ params }: Props) {
  const { institution: id } = await params;
  const user = await requireUser(readinessPaths.institution(id));
  const catalog = await getCatalog();
  const r = await institutionReadiness(readDb(), user, id, catalog).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const domains = catalog.competencies.domains.map((d) => ({ id: d.id, short: d.short }));
  const programme = (pid: string) => catalog.programmes.find((p) => p.def.id === pid)?.def.title ?? pid;
  return (
    <div className="stack-lg">
      <header className="stack">
        <p className="m-0 small">
          <Link href={institutionPaths.list}>Institutions</Link> › <Link href={institutionPaths.overview(r.institution.id)}>{r.institution.name}</Link> › Readiness
        </p>
        <h1 className="m-0">Readiness: {r.institution.name}</h1>
        <p className="m-0" data-testid="institution-summary">
          {r.cohorts.length} cohort{r.cohorts.length === 1 ? '' : 's'} · {r.total.learners} learner{r.total.learners === 1 ? '' : 's'} (a learner in two cohorts counts in each)
        </p>
        <p className="m-0 small muted">
          Figures as of <time dateTime={r.computedAt.toISOString()}>{formatTime(r.computedAt)}</time>, including every activity recorded until then.
        </p>
        <p className="m-0 small">
          <a href={readinessPaths.institutionCsv(r.institution.id)} download>
            Export these figures (CSV)
          </a>
        </p>
      </header>
      <ReadinessDefinition />
      <CountingRule />
      <section aria-labelledby="status">
        <h2 id="status">Where the institution stands</h2>
        <StatusChart counts={r.total.counts} />
      </section>
      <section aria-labelledby="cohorts" className="stack">
        <h2 id="cohorts" className="m-0">
          Cohorts side by side
        </h2>
        {r.cohorts.length === 0 ? (
          <p>This institution has no cohorts yet.</p>
        ) : (
          <RollupTable
            testId="institution-cohorts"
            caption="Each cohort's learners by readiness status and mean score per AAMC domain, then the institution's total"
            rowHeader="Cohort"
            detailHeader="Due"
            domains={domains}
            rows={r.cohorts.map((c) => ({
              key: c.cohort.id,
              label: (
                <>
                  {c.runs ? <Link href={cohortPaths.dashboard(c.cohort.id)}>{c.cohort.name}</Link> : c.cohort.name}
                  <span className="block small muted">{programme(c.cohort.programmeId)}{c.cohort.closedAt ? ' · closed' : ''}</span>
                </>
              ),
              detail: formatDate(c.cohort.dueDate),
              rollup: c.rollup,
            }))}
            total={{ key: 'total', label: 'Institution total', detail: '', rollup: r.total }}
          />
        )}
      </section>
      <section aria-labelledby="trend" className="stack">
        <h2 id="trend" className="m-0">
          By month
        </h2>
        <TrendTable rollup={r.total} testId="institution-trend" />
      </section>
    </div>
  );
}
