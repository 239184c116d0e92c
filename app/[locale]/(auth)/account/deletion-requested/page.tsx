import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Account deletion requested', robots: { index: false } };

type Props = { searchParams: Promise<{ on?: string }> };

/** Where a deletion request lands: signed out, with the date and the way back. */
export default async function DeletionRequestedPage({ searchParams }: Props) {
  const { on } = await searchParams;
  const date = on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : null;
  return (
    <div className="narrow stack">
      <h1>Your account will be deleted</h1>
      <p>You have been signed out on every device. {date ? `On ${date}` : 'In 14 days'} your account and your data will be erased, and your certificates revoked.</p>
      <p>
        Changed your mind? <Link href="/sign-in">Sign in</Link> before then: signing in cancels the deletion.
      </p>
    </div>
  );
}
