'use client';
import Link from 'next/link';
import { useSessionHint } from './session-hint';

type SessionLink = { href: string; label: string };

/**
 * The header's last links: "Sign in" for visitors (also what the prerendered HTML shows, so most
 * first views never change), "Home" once signed in, and "Teaching" for staff. No request is made.
 * Labels and addresses come in the page's language from the server (SiteHeader).
 */
export function SessionLinks({ links }: { links: { signIn: SessionLink; home: SessionLink; teaching: SessionLink } }) {
  const hint = useSessionHint();
  if (!hint) {
    return (
      <li>
        <Link href={links.signIn.href} className="no-underline hover:underline" prefetch={false} data-testid="header-sign-in">
          {links.signIn.label}
        </Link>
      </li>
    );
  }
  return (
    <>
      <li>
        <Link href={links.home.href} className="no-underline hover:underline" prefetch={false} data-testid="header-home">
          {links.home.label}
        </Link>
      </li>
      {hint === 'staff' ? (
        <li>
          <Link href={links.teaching.href} className="no-underline hover:underline" prefetch={false} data-testid="header-teaching">
            {links.teaching.label}
          </Link>
        </li>
      ) : null}
    </>
  );
}

/** The landing page's second button: an account for visitors, their home for the signed in. */
export function AccountCallToAction({ signUp, home }: { signUp: SessionLink; home: SessionLink }) {
  const hint = useSessionHint();
  return hint ? (
    <Link href={home.href} className="btn">
      {home.label}
    </Link>
  ) : (
    <Link href={signUp.href} className="btn">
      {signUp.label}
    </Link>
  );
}
