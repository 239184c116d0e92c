import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { notFound } from 'next/navigation';
import { getCatalog, getLesson, getLessonCode } from '@/lib/content';
import { LessonBody } from '@/components/lesson/LessonBody';
import { ClinicalReviewLine } from '@/components/lesson/ClinicalReviewLine';
import { LessonCompletion } from '@/components/lesson/LessonCompletion';
import { ReferenceList } from '@/components/lesson/ReferenceList';
import type { Reference } from '@/lib/content/schemas/reference';

type Props = { params: Promise<{ module: string; lesson: string }> };

// Every lesson is prerendered at build time; an unknown path is a 404, not a render.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { modules } = await getCatalog();
  return modules.flatMap((m) => m.lessons.map((l) => ({ module: m.slug, lesson: l.slug })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { module: m, lesson: l } = await params;
  const found = await getLesson(m, l);
  if (!found) return {};
  const title = `${found.lesson.meta.title} · ${found.module.meta.title}`;
  return {
    title,
    description: found.lesson.meta.description,
    openGraph: { title, description: found.lesson.meta.description, type: 'article' },
  };
}

export default async function LessonPage({ params }: Props) {
  const { module: m, lesson: l } = await params;
  const found = await getLesson(m, l);
  if (!found) notFound();
  const { module: mod, lesson, previous, next } = found;
  const [{ references, trainers, phrases }, code, t, { locale, href }] = await Promise.all([getCatalog(), getLessonCode(lesson), getTranslations('lesson'), getLocalizer()]);
  // The lesson itself is English on every locale's page: marked so, for screen readers and the layout.
  const english: { lang?: 'en'; dir?: 'ltr' } = locale === 'en' ? {} : { lang: 'en', dir: 'ltr' };
  const lessonRefs = lesson.meta.references.map((id) => references.get(id)).filter((r): r is Reference => r !== undefined);
  return (
    <article className="mx-auto max-w-2xl">
      <header className="mb-6">
        <p className="m-0 text-sm">
          <Link href={href('/modules')}>{t('breadcrumb')}</Link> › <Link href={href(`/modules/${mod.slug}`)} {...english}>{mod.meta.title}</Link>
        </p>
        <h1 className="mt-2" {...english}>
          {lesson.meta.title}
        </h1>
        <p className="m-0 text-sm text-muted">{t('meta', { index: lesson.index + 1, total: mod.lessons.length, minutes: lesson.meta.minutes })}</p>
        {locale === 'en' ? null : (
          <p className="notice m-0 mt-2" data-testid="english-content-notice">
            {t('englishNotice')}
          </p>
        )}
        <ClinicalReviewLine moduleSlug={mod.slug} lessonSlug={lesson.slug} />
      </header>
      <div {...english}>
      <LessonBody code={code} lesson={lesson} references={references} trainers={new Map(trainers.map((t) => [t.def.id, t.def]))} phrases={new Map(phrases.map((p) => [p.def.id, p.def]))} />
      </div>
      <div id="lesson-end" aria-hidden="true" />
      <div className="mt-8">
        <LessonCompletion moduleSlug={mod.slug} lessonSlug={lesson.slug} />
      </div>
      <nav aria-label={t('nav')} className="mt-6 flex flex-wrap justify-between gap-3">
        {previous ? (
          <Link href={href(`/modules/${mod.slug}/${previous.slug}`)} rel="prev" className="btn">
            <span aria-hidden="true">{locale === 'ur' ? '→' : '←'}</span> <bdi lang="en">{previous.meta.title}</bdi>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={href(`/modules/${mod.slug}/${next.slug}`)} rel="next" className="btn btn-primary">
            {t('next')} <bdi lang="en">{next.meta.title}</bdi> <span aria-hidden="true">{locale === 'ur' ? '←' : '→'}</span>
          </Link>
        ) : (
          <Link href={href(`/modules/${mod.slug}`)} className="btn btn-primary">
            {t('back')}
          </Link>
        )}
      </nav>
      <div {...english}>
        <ReferenceList references={lessonRefs} />
      </div>
    </article>
  );
}
