import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCatalog } from '@/lib/content';
import { isDraft } from '@/lib/content/schemas/quiz';
import { quizPath } from '@/components/quiz/paths';
import { bidiTags } from '@/components/site/bidi';
import { getLocalizer } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('quizzes');
  return { title: t('title') };
}

/** Every module's quiz, in module order. */
export default async function QuizzesPage() {
  const [{ modules, quizzes }, t, format, { locale, href }] = await Promise.all([getCatalog(), getTranslations('quizzes'), getFormatter(), getLocalizer()]);
  const listed = modules.flatMap((m) => quizzes.filter((q) => q.def.module === m.slug && !isDraft(q.def)).map((q) => ({ module: m, quiz: q.def })));
  return (
    <div className="stack-lg max-w-3xl">
      <header>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        {locale === 'en' ? null : (
          <p className="notice" data-testid="english-content-notice">
            {t('englishContent')}
          </p>
        )}
      </header>
      <ul className="stack">
        {listed.map(({ module: m, quiz }) => (
          <li key={quiz.id} className="card">
            <Link href={href(quizPath(quiz.id))} className="font-semibold" lang="en">
              {quiz.title}
            </Link>
            <p className="m-0 small muted">
              {t.rich('meta', { ...bidiTags, order: m.meta.order, module: m.meta.title, count: quiz.draw.count, pass: format.number(quiz.passMark / 100, 'percent') })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
