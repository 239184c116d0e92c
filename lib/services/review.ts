import 'server-only';
// Clinical review use case: a reviewer's decision on an item, written by db/queries/review.ts.
import type { Db } from '@/db/client';
import { type NewDecision, recordReviewDecision } from '@/db/queries/review';
import type { Actor } from '@/db/queries/users';
import type { Catalog } from '@/lib/content/catalog';
import { AppError } from '@/lib/errors';
import { followUp } from './events/dispatch';
import { findItem } from './sign-off';

/**
 * Records a reviewer's decision on the version of an item they were shown. If the item has been
 * edited since (its hash is no longer the one on the form), nothing is recorded: a sign-off must
 * approve what is taught now. A sign-off's follow-up (releasing certificates it completes) runs
 * after the response.
 */
export async function decideOnItem(db: Db, actor: Actor, catalog: Catalog, input: NewDecision, now: Date) {
  const item = findItem(catalog, input);
  if (!item) throw new AppError('not_found', `review item ${input.kind}:${input.id}`);
  if (item.hash !== input.hash) throw new AppError('conflict', `review item ${input.kind}:${input.id} changed since the form was shown`);
  const result = await recordReviewDecision(db, actor, input, now);
  await followUp(db, actor.id, now);
  return result;
}
