import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Address confirmed', robots: { index: false } };

/** Where confirming an address lands (the link's own page would now say the link is used). */
export default function AddressConfirmedPage() {
  return (
    <div className="narrow stack">
      <h1>Thank you: your e-mail address is confirmed</h1>
      <p>Certificates you have earned are issued now, and your instructors&apos; cohort invitations can be answered.</p>
      <p>
        <Link href="/profile">Your profile</Link> · <Link href="/cohorts">Your cohorts</Link>
      </p>
    </div>
  );
}
