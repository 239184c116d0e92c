import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { InterfaceReviewNotice } from '@/components/language/InterfaceReviewNotice';

/**
 * The footer; in Urdu it also says whether a native speaker has reviewed the interface: a draft until
 * every namespace's current version is signed off in the review record (README "Languages").
 */
export async function SiteFooter() {
  const [t, { locale, href }] = await Promise.all([getTranslations('site'), getLocalizer()]);
  return (
    <footer className="mt-12 border-t border-line py-6 text-sm text-muted">
      <div className="container-page stack">
        <p>{t('footer')}</p>
        {locale === 'ur' ? (
          <InterfaceReviewNotice draft={t('draftNotice')} reviewed={t('reviewedNotice')} />
        ) : null}
        <p>
          <Link href={href('/settings/data')}>{t('settingsLink')}</Link>
        </p>
      </div>
    </footer>
  );
}
