import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { institutionFor } from '@/db/queries/institutions';
import { getLrsSettings } from '@/db/queries/lrs';
import { statementCounts } from '@/db/queries/xapi';
import { requireRole } from '@/lib/auth/session';
import { pageRead } from '@/lib/http/respond';
import { institutionPaths } from '@/components/institutions/paths';
import { LrsForm, TestLrsForm } from './LrsForms';

export const metadata: Metadata = { title: 'Learning Record Store', robots: { index: false } };

export default async function LrsPage({ params }: { params: Promise<{ institution: string }> }) {
  const { institution: id } = await params;
  const user = await requireRole('instructor', institutionPaths.lrs(id));
  const db = getDb();
  const institution = await pageRead(institutionFor(db, user, id, 'edit-settings'));
  const settings = await pageRead(getLrsSettings(db, user, id));
  const counts = settings ? await statementCounts(db, settings.id) : null;
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href={institutionPaths.overview(id)}>{institution.name}</Link>
        </p>
        <h1 className="m-0">Learning Record Store</h1>
        <p className="m-0 muted">
          Each lesson completed, quiz graded and consult finished by a learner in one of your cohorts is sent to your LRS as an xAPI 1.0.3 statement, once.
        </p>
      </header>
      <section aria-labelledby="connection" className="card stack">
        <h2 id="connection" className="m-0">
          Connection
        </h2>
        <LrsForm institutionId={id} settings={settings} />
      </section>
      {settings && counts ? (
        <section aria-labelledby="status" className="card stack">
          <h2 id="status" className="m-0">
            Statements
          </h2>
          <p className="m-0">
            {counts.sent} sent · {counts.pending} waiting · {counts.conflict} refused as a conflicting duplicate
          </p>
          {counts.lastError ? <p className="m-0 small">Latest failure (retried automatically): {counts.lastError}</p> : null}
          <TestLrsForm institutionId={id} />
        </section>
      ) : null}
    </div>
  );
}
