import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listOwnCompletions } from '@/db/queries/progress';
import { getCurrentUser } from '@/lib/auth/session';
import { domainNames, getCatalog, getModule } from '@/lib/content';
import { outline } from '@/lib/content/outline';
import { moduleProgress } from '@/lib/domain/curriculum/progress';
import { ProgressBar } from '@/components/curriculum/ProgressBar';
import { ModuleQuizSection } from '@/components/quiz/ModuleQuizSection';
import { searchIndex, searchIndexPath } from '@/lib/search/build';
import { SaveForOffline } from '@/components/offline/SaveForOffline';
import { formatBytes } from '@/lib/format/bytes';
import { liteModuleBytes } from '@/lib/lite/module-size';
import { moduleUrls, programmesToSave } from '@/lib/lite/programme-offline';
import { isDraft } from '@/lib/content/schemas/quiz';

type Props = { params: Promise<{ module: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mod = await getModule((await params).module);
  return mod ? { title: mod.meta.title, description: mod.meta.summary } : {};
}

export default async function ModulePage({ params }: Props) {
  const mod = await getModule((await params).module);
  if (!mod) notFound();
  const [user, catalog, domains, liteBytes] = await Promise.all([getCurrentUser(), getCatalog(), domainNames(mod.meta.competencies), liteModuleBytes(mod)]);
  const completions = user ? await listOwnCompletions(getDb(), user, mod.slug) : [];
  const programmes = await programmesToSave(catalog, mod.slug, user?.profession ?? null);
  // Site search comes with any saved module, so it answers offline too.
  const searchUrls = ['/search', searchIndexPath((await searchIndex()).hash)];
  const progress = moduleProgress(outline(mod), completions);
  const prerequisites = mod.meta.prerequisites.map((p) => catalog.modules.find((m) => m.slug === p)).filter((m) => m !== undefined);
  const start = progress.nextLesson ?? mod.lessons[0]?.slug;
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 text-sm">
          <Link href="/modules">Modules</Link> › Module {mod.meta.order}
        </p>
        <h1 className="m-0">{mod.meta.title}</h1>
        <p className="m-0 text-lg">{mod.meta.summary}</p>
        <p className="m-0 text-sm text-muted">
          {mod.meta.minutes} minutes · {mod.lessons.length} lessons · Competencies: {domains.join(', ')}
        </p>
        {user ? <ProgressBar done={progress.done} total={progress.total} label={progress.complete ? 'Module complete' : 'Lessons done'} /> : null}
        {start ? (
          <p className="m-0">
            <Link className="btn btn-primary" href={`/modules/${mod.slug}/${start}`}>
              {progress.done > 0 && !progress.complete ? 'Continue' : progress.complete ? 'Read again' : 'Start the module'}
            </Link>
          </p>
        ) : null}
        <SaveForOffline
          title={mod.meta.title}
          liteBytes={formatBytes(liteBytes)}
          urls={moduleUrls(mod)}
          alsoKeep={searchUrls}
        />
        {programmes.map((p) => (
          <SaveForOffline key={p.id} scope="programme" title={p.title} liteBytes={formatBytes(p.bytes)} urls={p.urls} alsoKeep={searchUrls} />
        ))}
      </header>
      {mod.intro.trim() ? (
        <div className="stack">
          {mod.intro
            .trim()
            .split(/\n\s*\n/)
            .map((para) => (
              <p key={para.slice(0, 40)}>{para.replace(/\s+/g, ' ')}</p>
            ))}
        </div>
      ) : null}
      <section aria-labelledby="objectives">
        <h2 id="objectives">By the end you will be able to</h2>
        <ul className="list-disc space-y-1 ps-5">
          {mod.meta.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      {prerequisites.length > 0 ? (
        <section aria-labelledby="prerequisites">
          <h2 id="prerequisites">Before you start</h2>
          <p>
            This module builds on{' '}
            {prerequisites.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ', ' : ''}
                <Link href={`/modules/${p.slug}`}>{p.meta.title}</Link>
              </span>
            ))}
            .
          </p>
        </section>
      ) : null}
      <section aria-labelledby="lessons">
        <h2 id="lessons">Lessons</h2>
        <ol className="divide-y divide-line rounded-lg border border-line bg-white">
          {mod.lessons.map((l) => {
            const done = progress.completedLessons.has(l.slug);
            return (
              <li key={l.slug} className="flex items-start gap-3 p-3">
                <span aria-hidden="true" className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-sm ${done ? 'border-ok bg-ok text-white' : 'border-line text-muted'}`}>
                  {done ? '✓' : l.index + 1}
                </span>
                <div>
                  <Link href={`/modules/${mod.slug}/${l.slug}`} className="font-semibold">
                    {l.meta.title}
                  </Link>
                  <span className="sr-only">{done ? ' (done)' : ''}</span>
                  <p className="m-0 text-sm text-muted">
                    {l.meta.minutes} min{done ? ' · done' : ''}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      </section>
      <ModuleQuizSection quiz={catalog.quizzes.find((q) => q.def.module === mod.slug && !isDraft(q.def))?.def} />
    </div>
  );
}
