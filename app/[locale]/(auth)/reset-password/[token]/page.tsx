import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { checkAccountToken } from '@/db/queries/account-tokens';
import { ForgotPasswordForm, ResetPasswordForm } from '../../AccountForms';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

const refusal = {
  invalid: 'This link is not valid: it may have been copied incompletely, or a newer link replaced it.',
  expired: 'This link has expired: reset links work for 30 minutes.',
  used: 'This link has been used already.',
} as const;

/** Where a reset e-mail's link lands. Opening it changes nothing; the form does. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await checkAccountToken(getDb(), token, 'reset-password', new Date());
  if (!check.ok) {
    return (
      <div className="narrow stack">
        <h1>This link does not work</h1>
        <p className="notice notice-error" data-testid="token-refused">
          {refusal[check.reason]}
        </p>
        <h2>Get a new link</h2>
        <ForgotPasswordForm />
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>Choose a new password</h1>
      <p className="muted">For {check.user.email}. Setting it signs your account out on every other device.</p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
