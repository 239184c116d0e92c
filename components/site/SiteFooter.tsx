import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';

/** The footer; in Urdu it also says that the interface is a machine draft awaiting a native speaker's review (messages/ur.review.json). */
export async function SiteFooter() {
  const [t, { locale, href }] = await Promise.all([getTranslations('site'), getLocalizer()]);
  return (
    <footer className="mt-12 border-t border-line py-6 text-sm text-muted">
      <div className="container-page stack">
        <p>{t('footer')}</p>
        {locale === 'ur' ? (
          <p className="m-0" data-testid="translation-draft-notice">
            {t('draftNotice')}
          </p>
        ) : null}
        <p>
          <Link href={href('/settings/data')}>{t('settingsLink')}</Link>
        </p>
      </div>
    </footer>
  );
}
