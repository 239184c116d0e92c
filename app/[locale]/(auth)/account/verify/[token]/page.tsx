import type { Metadata } from 'next';
import { ConfirmAddressPage } from '../../TokenPage';

export const metadata: Metadata = { title: 'Confirm your e-mail address', robots: { index: false } };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  return <ConfirmAddressPage token={(await params).token} purpose="verify-email" />;
}
