import Link from 'next/link';
import { getDb } from '@/db/client';
import { checkAccountToken } from '@/db/queries/account-tokens';
import { getCurrentUser } from '@/lib/auth/session';
import { ConfirmEmailForm } from '../AccountForms';
import { ResendVerificationForm } from './ResendVerificationForm';

const refusal = {
  invalid: 'This link is not valid: it may have been copied incompletely, or a newer link replaced it.',
  expired: 'This link has expired.',
  used: 'This link has been used already.',
} as const;

/** The page an address-confirmation link opens: reads the token only, and confirms on a press. */
export async function ConfirmAddressPage({ token, purpose }: { token: string; purpose: 'verify-email' | 'change-email' }) {
  const check = await checkAccountToken(getDb(), token, purpose, new Date());
  if (!check.ok) {
    const user = await getCurrentUser();
    return (
      <div className="narrow stack">
        <h1>This link does not work</h1>
        <p className="notice notice-error" data-testid="token-refused">
          {refusal[check.reason]}
        </p>
        {user && !user.emailVerified ? (
          <>
            <p>We can send a fresh link to {user.email}.</p>
            <ResendVerificationForm />
          </>
        ) : user ? (
          <p>
            Your address {user.email} is confirmed. <Link href="/profile">Your profile</Link>
          </p>
        ) : (
          <p>
            <Link href="/sign-in?next=/profile">Sign in</Link> to ask for a fresh link from your profile.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>{purpose === 'verify-email' ? 'Confirm your e-mail address' : 'Confirm your new e-mail address'}</h1>
      <p>
        {purpose === 'verify-email'
          ? `Confirm that ${check.token.email} is your address.`
          : `Move your account from ${check.user.email} to ${check.token.email}.`}
      </p>
      <ConfirmEmailForm token={token} purpose={purpose} />
    </div>
  );
}
