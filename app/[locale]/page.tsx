import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { bidiTags } from '@/components/site/bidi';
import { AccountCallToAction } from '@/components/site/SessionLinks';

const offers = ['lessons', 'consults', 'quizzes', 'certificates'] as const;

export default async function HomePage() {
  const [t, { href }] = await Promise.all([getTranslations('home'), getLocalizer()]);
  return (
    <div className="stack-lg">
      <section className="stack">
        <h1 className="text-3xl">{t('title')}</h1>
        <p className="max-w-2xl text-lg">{t.rich('intro', bidiTags)}</p>
        <div className="flex flex-wrap gap-3">
          <Link href={href('/modules')} className="btn btn-primary">
            {t('start')}
          </Link>
          <AccountCallToAction signUp={{ href: href('/sign-up'), label: t('createAccount') }} home={{ href: href('/home'), label: t('goHome') }} />
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
