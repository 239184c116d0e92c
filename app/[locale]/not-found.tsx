import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { getLocalizer } from '@/i18n/server';

export default async function NotFound() {
  const [t, { href }] = await Promise.all([getTranslations('notFound'), getLocalizer()]);
  return (
    <div className="narrow stack">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href={href('/')}>{t('home')}</Link>
      </p>
    </div>
  );
}
