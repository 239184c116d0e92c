import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="narrow stack">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
