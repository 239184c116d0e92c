import Link from 'next/link';

/** Shown with status 401 when something needs a signed-in account (see lib/http/respond.ts). */
export default function Unauthorized() {
  return (
    <div className="narrow stack">
      <h1>Please sign in</h1>
      <p>This needs you to be signed in. Your session may have ended after a period without use.</p>
      <p>
        <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
