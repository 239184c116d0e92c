import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { type CaseRecord, listOwnConsults, notStarted } from '@/db/queries/consult-records';
import { getCurrentUser } from '@/lib/auth/session';
import { domainNames, getCatalog } from '@/lib/content';
import { CaseRecordLine } from '@/components/consult/CaseRecordLine';
import { CaseStatusBadge } from '@/components/consult/CaseStatusBadge';
import { modalityLabels } from '@/components/consult/labels';
import { Avatar } from '@/components/consult/PatientTile';
import { casePaths } from './cases';
import { clinicalAreaLabels, clinicalAreaSchema, modalitySchema } from '@/lib/content/schemas/case';
import { type FilterField, matchesFilter, minuteChoices, readFilter } from '@/lib/domain/curriculum/filters';
import { ListFilters } from '@/components/curriculum/ListFilters';

export const metadata: Metadata = {
  title: 'Virtual consults',
  description: 'Simulated teleconsultations: run a consult over video, audio or SMS as the connection fails, then read a debrief of every decision.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConsultLibraryPage({ searchParams }: Props) {
  const [{ cases, competencies }, user, params] = await Promise.all([getCatalog(), getCurrentUser(), searchParams]);
  const minutes = minuteChoices(cases.map((c) => c.def));
  const modalities = modalitySchema.options;
  const areas = clinicalAreaSchema.options;
  const { filter, ignored } = readFilter(params, { minutes, modalities, areas });
  const shown = cases.filter(({ def }) => matchesFilter(def, filter));
  const records = user ? await listOwnConsults(getDb(), user) : new Map<string, CaseRecord>();
  const cards = await Promise.all(shown.map(async ({ def }) => ({ def, domains: await domainNames(def.competencies) })));
  const fields: FilterField[] = [
    { name: 'domain', label: 'Competency domain', value: filter.domain ?? '', options: competencies.domains.map((d) => ({ value: d.id, label: d.short })) },
    { name: 'area', label: 'Clinical area', value: filter.area ?? '', options: areas.map((a) => ({ value: a, label: clinicalAreaLabels[a] })) },
    { name: 'modality', label: 'Starts as', value: filter.modality ?? '', options: modalities.map((m) => ({ value: m, label: modalityLabels[m] })) },
    { name: 'minutes', label: 'Time', value: filter.maxMinutes?.toString() ?? '', options: minutes.map((n) => ({ value: String(n), label: `At most ${n} min` })) },
  ];
  return (
    <div className="stack-lg">
      <header>
        <h1>Virtual consults</h1>
        <p className="muted max-w-2xl">
          Simulated teleconsultations with fictional patients. Decide what to ask, examine, explain and arrange while the connection freezes,
          drops or falls back to a phone call; then write your note and read a debrief of every decision.
          {user ? null : ' Sign in to play a case; you can read every brief without an account.'}
        </p>
      </header>
      <ListFilters action="/consults" fields={fields} shown={shown.length} total={cases.length} noun="cases" ignored={ignored} />
      <ul className="grid gap-4 md:grid-cols-2">
        {cards.map(({ def, domains }) => {
          const record = records.get(def.id) ?? notStarted(def.id);
          return (
            <li key={def.id} className="card flex flex-col gap-2" data-case={def.id}>
              <div className="flex items-center gap-3">
                <Avatar name={def.patient.name} initials={def.patient.initials} />
                <div className="min-w-0">
                  <h2 className="m-0 text-lg">
                    <Link href={casePaths.brief(def.id)}>{def.title}</Link>
                  </h2>
                  <p className="m-0 text-sm text-muted">
                    {def.patient.name}, {def.patient.age}, {def.patient.sex}
                  </p>
                </div>
              </div>
              <p className="m-0">{def.summary}</p>
              <p className="m-0 text-sm text-muted">
                {modalityLabels[def.modality]} · {clinicalAreaLabels[def.area]} · {def.minutes} min · Competencies: {domains.join(', ')}
              </p>
              <p className="m-0 text-sm text-muted">{def.setting}</p>
              {user ? <CaseStatusBadge status={record.status} /> : null}
              {user ? <CaseRecordLine record={record} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
