import type { Metadata } from 'next';
import { ForgotPasswordForm } from '../AccountForms';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow stack">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the address you signed up with. We will e-mail you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </div>
  );
}
