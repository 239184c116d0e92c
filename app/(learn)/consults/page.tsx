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

export const metadata: Metadata = {
  title: 'Virtual consults',
  description: 'Simulated teleconsultations: run a consult over video, audio or SMS as the connection fails, then read a debrief of every decision.',
};

export default async function ConsultLibraryPage() {
  const [{ cases }, user] = await Promise.all([getCatalog(), getCurrentUser()]);
  const records = user ? await listOwnConsults(getDb(), user) : new Map<string, CaseRecord>();
  const cards = await Promise.all(cases.map(async ({ def }) => ({ def, domains: await domainNames(def.competencies) })));
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
                {modalityLabels[def.modality]} · {def.minutes} min · Competencies: {domains.join(', ')}
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
