// Reads that the action rows of table.ts take before and after their refusals (`unchanged`): each
// is cheap, and answers the same as long as nothing the refused principals tried has happened.
import type { APIRequestContext } from '@playwright/test';
import type { Clients, World } from './table';

/** What a read answers: its status and, for a page, whether it contains `text`. */
export async function read(api: APIRequestContext, url: string, text?: string) {
  const res = await api.get(url, { maxRedirects: 0 });
  return text === undefined ? res.status() : `${res.status()} ${(await res.text()).includes(text)}`;
}
/** How many times `text` occurs in what `url` answers. */
export async function count(api: APIRequestContext, url: string, text: string) {
  return (await (await api.get(url)).text()).split(text).length - 1;
}
/** Where the owner's consult stands: its step, as the room's forms carry it. */
export async function consultStep(w: World, as: Clients) {
  return (await (await as.owner.get(`/consults/${w.consultCase}/room`)).text()).match(/name="expectedStep" value="(\d+)"/)?.[1] ?? 'no room';
}
/**
 * An invitation to the `invited` cohort as its members page shows it: its state and how long it is
 * open. Its e-mail leaving (Sending, then Sent) happens on its own, so both read as open.
 */
export async function invitationRow(w: World, as: Clients, email: string) {
  const html = await (await as.cohortInstructor.get(`/teach/cohorts/${w.cohorts.invited.id}/members`)).text();
  const row = html.match(new RegExp(`data-invitation="${email}"[\\s\\S]*?</tr>`))?.[0] ?? '';
  const state = row.match(/data-testid="invitation-state">([^<]+)</)?.[1]?.replace(/^(Sending|Sent)$/, 'open') ?? 'no row';
  return `${state}, ${row.match(/open until ([^<]+)</)?.[1] ?? 'closed'}`;
}
export const strangerInvitation = (w: World, as: Clients) => invitationRow(w, as, 'matrix-stranger@example.test');
const nonAdmins = ['owner', 'otherLearner', 'cohortInstructor', 'otherInstructor', 'reviewer'] as const;
/** A snapshot of each non-admin's own status at `url` (a refused self-promotion leaves it as it was). */
export const statusesAt = (url: (w: World) => string) => (w: World, as: Clients) => Promise.all(nonAdmins.map((p) => read(as[p], url(w))));

/** A 1 × 1 PNG, a logo. */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
