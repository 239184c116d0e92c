import 'server-only';
// Clinical review use case: a reviewer's decision on an item, written by db/queries/review.ts.
import type { Db } from '@/db/client';
import { holdCounts } from '@/db/queries/certificate-holds';
import { type NewDecision, listReviewDecisions, recordReviewDecision } from '@/db/queries/review';
import type { Actor } from '@/db/queries/users';
import type { Catalog } from '@/lib/content/catalog';
import { contentItems, reviewNotesByItem } from '@/lib/content/review-items';
import { decisionsCsv, itemKey, itemsCertifiedBy, reviewStates, signOffGate, stateCounts } from '@/lib/domain/review';
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
  if (!item) throw new AppError('not_found', `review item ${input.kind}:${input.id}`, 'This item is no longer in the content.');
  if (item.hash !== input.hash) {
    throw new AppError('conflict', `review item ${input.kind}:${input.id} changed since the form was shown`, 'This item was edited after you opened it: reload the page and review the current version.');
  }
  const result = await recordReviewDecision(db, actor, input, now);
  await followUp(db, actor.id, now);
  return result;
}

/** Everything the content review page shows: each item with its state and notes, and each programme's sign-off. Reviewers and admins only. */
export async function reviewOverview(db: Db, actor: Actor, catalog: Catalog) {
  const items = contentItems(catalog);
  const [decisions, notes, waiting] = await Promise.all([listReviewDecisions(db, actor), reviewNotesByItem(catalog), holdCounts(db, actor)]);
  const states = reviewStates(items, decisions);
  const programmes = catalog.programmes.map(({ def }) => ({
    programme: def,
    gate: signOffGate(itemsCertifiedBy(def.requirements, items), states),
    waiting: waiting.get(def.id) ?? 0,
  }));
  return { items, states, notes, programmes, counts: stateCounts(items, states) };
}

/** The whole review record as CSV, each decision with its item's title and whether it covers the current version. */
export async function signOffCsv(db: Db, actor: Actor, catalog: Catalog): Promise<string> {
  const items = new Map(contentItems(catalog).map((i) => [itemKey(i), i]));
  const decisions = await listReviewDecisions(db, actor);
  return decisionsCsv(decisions.map((d) => ({ ...d, title: items.get(itemKey(d))?.title ?? null, currentHash: items.get(itemKey(d))?.hash ?? null })));
}
