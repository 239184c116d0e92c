import 'server-only';
// What a launch tells us about the services of its course: the resource link (with its AGS line
// item, when the platform grants one) and the course's NRPS memberships URL.
import { and, eq, sql } from 'drizzle-orm';
import type { Activity } from '@/lib/domain/lti-activity';
import type { Db } from '../client';
import { ltiContexts, ltiResourceLinks } from '../schema';

export type LaunchServices = {
  platformId: string;
  /** Null for a deep linking request (no activity yet): only the course's roster URL is kept. */
  resourceLinkId: string | null;
  contextId: string | null;
  title: string | null;
  activity: Activity;
  lineItemUrl: string | null;
  lineItemsUrl: string | null;
  scopes: readonly string[];
  membershipsUrl: string | null;
};

/**
 * Records (or refreshes) the resource link a launch came through. Each launch carries the current
 * AGS claim, so the latest one wins: a line item the instructor re-created in the LMS is picked up.
 */
export async function recordLaunchServices(db: Db, s: LaunchServices, now: Date): Promise<void> {
  const values = {
    contextId: s.contextId,
    title: s.title?.slice(0, 300) ?? null,
    activity: s.activity,
    lineItemUrl: s.lineItemUrl,
    lineItemsUrl: s.lineItemsUrl,
    agsScopes: [...s.scopes],
    updatedAt: now,
  };
  if (s.resourceLinkId) {
    await db
      .insert(ltiResourceLinks)
      .values({ platformId: s.platformId, resourceLinkId: s.resourceLinkId, ...values })
      .onConflictDoUpdate({ target: [ltiResourceLinks.platformId, ltiResourceLinks.resourceLinkId], set: values });
  }
  if (s.contextId && s.membershipsUrl) {
    await db
      .update(ltiContexts)
      .set({ membershipsUrl: s.membershipsUrl })
      .where(and(eq(ltiContexts.platformId, s.platformId), eq(ltiContexts.contextId, s.contextId), sql`${ltiContexts.membershipsUrl} is distinct from ${s.membershipsUrl}`));
  }
}
