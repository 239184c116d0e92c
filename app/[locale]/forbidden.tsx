import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="narrow stack">
      <h1>You do not have access to this page</h1>
      <p>Your account&apos;s role does not include this page. If you think it should, ask an administrator.</p>
      <p>
        <Link href="/profile">Go to your profile</Link>
      </p>
    </div>
  );
}
