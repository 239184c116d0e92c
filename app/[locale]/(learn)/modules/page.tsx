import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { getDb } from '@/db/client';
import { listOwnCompletions } from '@/db/queries/progress';
import { getCurrentUser } from '@/lib/auth/session';
import { domainNames, getCatalog } from '@/lib/content';
import { moduleProgress } from '@/lib/domain/curriculum/progress';
import { outline } from '@/lib/content/outline';
import { type FilterField, matchesFilter, minuteChoices, readFilter } from '@/lib/domain/curriculum/filters';
import { ListFilters } from '@/components/curriculum/ListFilters';
import { ProgressBar } from '@/components/curriculum/ProgressBar';

export const metadata: Metadata = {
  title: 'Modules',
  description: 'Telemedicine modules for medical students and doctors: consent and privacy, remote examination, triage, audio-only practice and more.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModulesPage({ searchParams }: Props) {
  const [{ modules, competencies }, user, params, t, { locale, href }] = await Promise.all([getCatalog(), getCurrentUser(), searchParams, getTranslations('modules'), getLocalizer()]);
  const english: { lang?: 'en' } = locale === 'en' ? {} : { lang: 'en' };
  const minutes = minuteChoices(modules.map((m) => m.meta));
  const { filter, ignored } = readFilter(params, { minutes });
  const shown = modules.filter((m) => matchesFilter(m.meta, filter));
  const completions = user ? await listOwnCompletions(getDb(), user) : [];
  const cards = await Promise.all(
    shown.map(async (m) => ({ m, domains: await domainNames(m.meta.competencies), progress: moduleProgress(outline(m), completions) })),
  );
  const fields: FilterField[] = [
    { name: 'domain', label: 'Competency domain', value: filter.domain ?? '', options: competencies.domains.map((d) => ({ value: d.id, label: d.short })) },
    { name: 'minutes', label: 'Time', value: filter.maxMinutes?.toString() ?? '', options: minutes.map((n) => ({ value: String(n), label: `At most ${n} min` })) },
  ];
  return (
    <div className="stack-lg">
      <header>
        <h1>{t('title')}</h1>
        <p className="muted max-w-2xl">
          {t('intro')}
          {user ? null : ` ${t('signInToTrack')}`}
        </p>
        {locale === 'en' ? null : (
          <p className="notice" data-testid="english-content-notice">
            {t('englishContent')}
          </p>
        )}
      </header>
      <ListFilters action="/modules" fields={fields} shown={shown.length} total={modules.length} noun="modules" ignored={ignored} />
      <ol className="grid gap-4 md:grid-cols-2">
        {cards.map(({ m, domains, progress }) => (
          <li key={m.slug} className="card flex flex-col gap-2">
            <p className="m-0 text-sm text-muted">
              {t('cardMeta', { order: m.meta.order, minutes: m.meta.minutes, lessons: m.lessons.length })}
            </p>
            <h2 className="m-0 text-lg" {...english}>
              <Link href={href(`/modules/${m.slug}`)}>{m.meta.title}</Link>
            </h2>
            <p className="m-0" {...english}>
              {m.meta.summary}
            </p>
            <p className="m-0 text-sm text-muted">{t.rich('competencies', { list: domains.join(', '), en: (chunks) => <bdi lang="en">{chunks}</bdi> })}</p>
            {user ? <ProgressBar done={progress.done} total={progress.total} label={progress.complete ? t('complete') : t('lessonsDone')} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
