import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
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

/** The site header: the name, the main navigation (in the page's language), the session links and the language switch. */
export async function SiteHeader() {
  const t = await getTranslations('site');
  return (
    <header className="border-b border-line bg-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3">
        <Link href="/" className="font-bold text-brand no-underline" lang="en">
          {t('name')}
        </Link>
        <nav aria-label={t('mainNav')}>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="no-underline hover:underline" prefetch={false}>
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
            <SessionLinks />
            <li>
              <LanguageSwitch />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
