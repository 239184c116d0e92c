import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { bidiTags } from '@/components/site/bidi';
import { checkAccountToken } from '@/db/queries/account-tokens';
import { ForgotPasswordForm, ResetPasswordForm } from '../../AccountForms';
import { passwordLabels } from '../../password-labels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('password');
  return { title: t('resetTitle'), robots: { index: false } };
}

/** Where a reset e-mail's link lands. Opening it changes nothing; the form does. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [check, t, labels] = await Promise.all([checkAccountToken(getDb(), token, 'reset-password', new Date()), getTranslations('password'), passwordLabels()]);
  if (!check.ok) {
    return (
      <div className="narrow stack">
        <h1>{t('refusedTitle')}</h1>
        <p className="notice notice-error" data-testid="token-refused">
          {t(check.reason)}
        </p>
        <h2>{t('newLink')}</h2>
        <ForgotPasswordForm labels={labels.forgot} />
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>{t('resetTitle')}</h1>
      <p className="muted">{t.rich('resetFor', { ...bidiTags, email: check.user.email })}</p>
      <ResetPasswordForm token={token} labels={labels.reset} />
    </div>
  );
}
