import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import { LanguageSwitch } from './LanguageSwitch';
import { SessionLinks } from './SessionLinks';

const nav = [
  { href: '/modules', key: 'modules' },
  { href: '/consults', key: 'consults' },
  { href: '/progress', key: 'progress' },
  { href: '/certificates', key: 'certificates' },
  { href: '/cohorts', key: 'cohorts' },
  { href: '/profile', key: 'account' },
  { href: '/search', key: 'search' },
] as const;

/**
 * The site header: the name, the main navigation (in the page's language), the session links and
 * the language switch. Strings and addresses are worked out here and passed to the two small client
 * components, so no translation runtime reaches the browser.
 */
export async function SiteHeader() {
  const [t, lang, { locale, href }] = await Promise.all([getTranslations('site'), getTranslations('language'), getLocalizer()]);
  const session = {
    signIn: { href: href('/sign-in'), label: t('nav.signIn') },
    home: { href: href('/home'), label: t('nav.home') },
    teaching: { href: href('/teach/cohorts'), label: t('nav.teaching') },
  };
  const other = locale === 'ur' ? 'en' : 'ur';
  return (
    <header className="border-b border-line bg-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3">
        <Link href={href('/')} className="font-bold text-brand no-underline" lang="en">
          {t('name')}
        </Link>
        <nav aria-label={t('mainNav')}>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={href(item.href)} className="no-underline hover:underline" prefetch={false}>
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
            <SessionLinks links={session} />
            <li>
              <LanguageSwitch to={other} label={lang('switchTo')} title={lang('switchTitle')} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
