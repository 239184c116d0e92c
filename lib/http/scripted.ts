import 'server-only';
import { headers } from 'next/headers';

/**
 * Whether this server action was called by the page's script (Next.js's client sends the
 * `Next-Action` header) rather than posted by a plain form without JavaScript (the action id is then
 * in the body). A script's call is answered with what changed and the page draws it; after a
 * `redirect()` Next.js would instead render the whole destination page into the action's response,
 * which was most of an action's CPU (issue 20). A plain form post is still redirected (303) and the
 * browser loads the page itself. Either answer is safe to give anyone: both run the same checks.
 */
export async function calledByScript(): Promise<boolean> {
  return (await headers()).has('next-action');
}
