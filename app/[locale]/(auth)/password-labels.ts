import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getLocalizer } from '@/i18n/server';
import type { ForgotLabels, ResetLabels } from './AccountForms';

/** The password forms' words in the page's language, for the client forms (README "Languages"). */
export async function passwordLabels(): Promise<{ forgot: ForgotLabels; reset: ResetLabels }> {
  const [t, { href }] = await Promise.all([getTranslations('password'), getLocalizer()]);
  return {
    forgot: { email: t('email'), send: t('send'), backToSignIn: t('backToSignIn'), signInHref: href('/sign-in') },
    reset: { newPassword: t('newPassword'), newPasswordHint: t('newPasswordHint'), again: t('again'), set: t('set') },
  };
}
