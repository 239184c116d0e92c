import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { peekLinkTicket } from '@/db/queries/lti-launch';
import { getCurrentUser } from '@/lib/auth/session';
import { hashToken, looksLikeToken } from '@/lib/auth/tokens';
import { linkCookie } from '@/lib/lti/link-cookie';
import { LinkForm } from './LinkForm';

export const metadata: Metadata = { title: 'Link your LMS account', robots: { index: false } };

// Reached from an LMS launch whose identity is not yet linked to an account here: the person proves
// which account is theirs by signing in to it, then confirms. Reading this page changes nothing.
export default async function LinkLmsPage() {
  const raw = (await cookies()).get(linkCookie)?.value ?? '';
  const pending = looksLikeToken(raw) ? await peekLinkTicket(getDb(), hashToken(raw), new Date()) : null;
  if (!pending) {
    return (
      <div className="narrow stack">
        <h1>Link your LMS account</h1>
        <p>This request has expired or was already used. Open the activity again from your course.</p>
      </div>
    );
  }
  const user = await getCurrentUser();
  const who = [pending.name, pending.email].filter(Boolean).join(', ');
  return (
    <div className="narrow stack">
      <h1>Link your LMS account</h1>
      <p>
        Your course{pending.contextTitle ? ` “${pending.contextTitle}”` : ''} at <strong>{new URL(pending.issuer).host}</strong> sent you here as <strong>{who || 'a user it did not name'}</strong>.
        {pending.lmsRole === 'instructor' ? ' It says you teach the course.' : ' An account here already uses that address.'} Once linked, launching from the course signs you in directly.
      </p>
      {user ? (
        <>
          <p>You are signed in as {user.email}. Link the LMS account to this one?</p>
          <LinkForm email={user.email} />
        </>
      ) : (
        <>
          <p>Sign in to the account that is yours; you will come back here to confirm.</p>
          <p>
            <Link className="btn" href="/sign-in?next=/lti/link">
              Sign in to link
            </Link>
          </p>
          {pending.lmsRole === 'instructor' ? <p className="small muted">No account here? Ask your institution’s administrator to create one and appoint you to its staff.</p> : null}
        </>
      )}
    </div>
  );
}
