import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '../AccountForms';
import { passwordLabels } from '../password-labels';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('password');
  return { title: t('forgotTitle'), robots: { index: false } };
}

export default async function ForgotPasswordPage() {
  const [t, labels] = await Promise.all([getTranslations('password'), passwordLabels()]);
  return (
    <div className="narrow stack">
      <h1>{t('forgotTitle')}</h1>
      <p className="muted">{t('forgotIntro')}</p>
      <ForgotPasswordForm labels={labels.forgot} />
    </div>
  );
}
