'use client';
import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { useSessionHint } from './session-hint';

/**
 * The header's last links: "Sign in" for visitors (also what the prerendered HTML shows, so most
 * first views never change), "Home" once signed in, and "Teaching" for staff. No request is made.
 */
export function SessionLinks() {
  const hint = useSessionHint();
  const t = useTranslations('site.nav');
  if (!hint) {
    return (
      <li>
        <Link href="/sign-in" className="no-underline hover:underline" prefetch={false} data-testid="header-sign-in">
          {t('signIn')}
        </Link>
      </li>
    );
  }
  return (
    <>
      <li>
        <Link href="/home" className="no-underline hover:underline" prefetch={false} data-testid="header-home">
          {t('home')}
        </Link>
      </li>
      {hint === 'staff' ? (
        <li>
          <Link href="/teach/cohorts" className="no-underline hover:underline" prefetch={false} data-testid="header-teaching">
            {t('teaching')}
          </Link>
        </li>
      ) : null}
    </>
  );
}

/** The landing page's second button: an account for visitors, their home for the signed in. */
export function AccountCallToAction() {
  const hint = useSessionHint();
  const t = useTranslations('home');
  return hint ? (
    <Link href="/home" className="btn">
      {t('goHome')}
    </Link>
  ) : (
    <Link href="/sign-up" className="btn">
      {t('createAccount')}
    </Link>
  );
}
