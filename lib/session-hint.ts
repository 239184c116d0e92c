// The header of a prerendered page cannot ask the server who is signed in without making every page
// dynamic. So sign-in leaves this hint beside the real session cookie: readable by scripts, holding
// only what the header shows ("signed-in" or "staff"), never who. It grants nothing: every page and
// action still checks the httpOnly session, and a stale hint only shows a link that asks to sign in.

export const sessionHintCookie = 'thr-hint';
export const sessionHints = ['signed-in', 'staff'] as const;
export type SessionHint = (typeof sessionHints)[number];

/** The hint a cookie header carries, if it is one we set. */
export function readSessionHint(cookieHeader: string): SessionHint | null {
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === sessionHintCookie) return sessionHints.find((h) => h === value) ?? null;
  }
  return null;
}
