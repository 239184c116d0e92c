import type { Metadata } from 'next';
import Link from 'next/link';
import { readDb } from '@/db/replica';
import { platformReadiness } from '@/db/queries/institution-readiness';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { StatusChart } from '@/components/cohorts/charts';
import { formatTime } from '@/components/cohorts/format';
import { ReadinessDefinition } from '@/components/cohorts/ReadinessDefinition';
import { CountingRule } from '@/components/readiness/CountingRule';
import { RollupTable, TrendTable } from '@/components/readiness/RollupTable';
import { readinessPaths } from '@/components/readiness/paths';

export const metadata: Metadata = { title: 'National readiness', robots: { index: false } };

/** Every institution side by side and the national total, for platform admins (anyone else: 403). */
export default async function NationalReadinessPage() {
  const user = await requireRole('admin', readinessPaths.national);
  const catalog = await getCatalog();
  const r = await platformReadiness(readDb(), user, catalog);
  const domains = catalog.competencies.domains.map((d) => ({ id: d.id, short: d.short }));
  const cohorts = r.institutions.reduce((s, i) => s + i.cohorts, 0);
  return (
    <div className="stack-lg">
      <header className="stack">
        <h1 className="m-0">National readiness</h1>
        <p className="m-0" data-testid="national-summary">
          {r.institutions.length} institution{r.institutions.length === 1 ? '' : 's'} · {cohorts} cohort{cohorts === 1 ? '' : 's'} · {r.total.learners} learner
          {r.total.learners === 1 ? '' : 's'} (a learner in two cohorts counts in each)
        </p>
        <p className="m-0 small muted">
          Figures as of <time dateTime={r.computedAt.toISOString()}>{formatTime(r.computedAt)}</time>, including every activity recorded until then.
        </p>
        <p className="m-0 small">
          <a href={readinessPaths.nationalCsv} download>
            Export these figures (CSV)
          </a>
        </p>
      </header>
      <ReadinessDefinition />
      <CountingRule />
      <section aria-labelledby="status">
        <h2 id="status">Where the country stands</h2>
        <StatusChart counts={r.total.counts} />
      </section>
      <section aria-labelledby="institutions" className="stack">
        <h2 id="institutions" className="m-0">
          Institutions side by side
        </h2>
        <RollupTable
          testId="national-institutions"
          caption="Each institution's learners by readiness status and mean score per AAMC domain, then the national total"
          rowHeader="Institution"
          detailHeader="Cohorts"
          domains={domains}
          rows={r.institutions.map((i) => ({
            key: i.institution.id,
            label: (
              <>
                <Link href={readinessPaths.institution(i.institution.id)}>{i.institution.name}</Link>
                {i.institution.province ? <span className="block small muted">{i.institution.province}</span> : null}
              </>
            ),
            detail: i.cohorts,
            rollup: i.rollup,
          }))}
          total={{ key: 'total', label: 'National total', detail: cohorts, rollup: r.total }}
        />
      </section>
      <section aria-labelledby="trend" className="stack">
        <h2 id="trend" className="m-0">
          By month
        </h2>
        <TrendTable rollup={r.total} testId="national-trend" />
      </section>
    </div>
  );
}
