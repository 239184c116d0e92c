import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listOwnCompletions } from '@/db/queries/progress';
import { getCurrentUser } from '@/lib/auth/session';
import { domainNames, getCatalog } from '@/lib/content';
import { moduleProgress } from '@/lib/domain/curriculum/progress';
import { outline } from '@/lib/content/outline';
import { ProgressBar } from '@/components/curriculum/ProgressBar';

export const metadata: Metadata = {
  title: 'Modules',
  description: 'Telemedicine modules for medical students and doctors: consent and privacy, remote examination, triage, audio-only practice and more.',
};

export default async function ModulesPage() {
  const [{ modules }, user] = await Promise.all([getCatalog(), getCurrentUser()]);
  const completions = user ? await listOwnCompletions(getDb(), user) : [];
  const cards = await Promise.all(
    modules.map(async (m) => ({ m, domains: await domainNames(m.meta.competencies), progress: moduleProgress(outline(m), completions) })),
  );
  return (
    <div className="stack-lg">
      <header>
        <h1>Modules</h1>
        <p className="muted max-w-2xl">
          Short modules you can read on a phone. Each lesson lists its sources; video loads only if you tap play.
          {user ? null : ' Sign in to keep track of your progress.'}
        </p>
      </header>
      <ol className="grid gap-4 md:grid-cols-2">
        {cards.map(({ m, domains, progress }) => (
          <li key={m.slug} className="card flex flex-col gap-2">
            <p className="m-0 text-sm text-muted">
              Module {m.meta.order} · {m.meta.minutes} min · {m.lessons.length} lessons
            </p>
            <h2 className="m-0 text-lg">
              <Link href={`/modules/${m.slug}`}>{m.meta.title}</Link>
            </h2>
            <p className="m-0">{m.meta.summary}</p>
            <p className="m-0 text-sm text-muted">Competencies: {domains.join(', ')}</p>
            {user ? <ProgressBar done={progress.done} total={progress.total} label={progress.complete ? 'Complete' : 'Lessons done'} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
