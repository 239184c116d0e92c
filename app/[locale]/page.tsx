import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { bidiTags } from '@/components/site/bidi';
import { AccountCallToAction } from '@/components/site/SessionLinks';

const offers = ['lessons', 'consults', 'quizzes', 'certificates'] as const;

export default async function HomePage() {
  const [t, messages] = await Promise.all([getTranslations('home'), getMessages()]);
  return (
    <div className="stack-lg">
      <section className="stack">
        <h1 className="text-3xl">{t('title')}</h1>
        <p className="max-w-2xl text-lg">{t.rich('intro', bidiTags)}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/modules" className="btn btn-primary">
            {t('start')}
          </Link>
          <NextIntlClientProvider messages={{ home: messages.home }}>
            <AccountCallToAction />
          </NextIntlClientProvider>
        </div>
      </section>
      <section aria-labelledby="offer">
        <h2 id="offer">{t('offerHeading')}</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {offers.map((o) => (
            <li key={o} className="card">
              <h3 className="mt-0">{t(`offers.${o}.title`)}</h3>
              <p className="muted">{t.rich(`offers.${o}.text`, bidiTags)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="who" className="stack">
        <h2 id="who">{t('whoHeading')}</h2>
        <p>{t.rich('who', bidiTags)}</p>
      </section>
    </div>
  );
}
