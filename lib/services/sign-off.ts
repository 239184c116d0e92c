import 'server-only';
// Reading the sign-off record for learners and for the certificate rule (no comments: those are
// for the authors). Decisions are written by lib/services/review.ts.
import type { Db } from '@/db/client';
import { signOffRecord } from '@/db/queries/review';
import type { Catalog } from '@/lib/content/catalog';
import { type ContentItem, contentItems } from '@/lib/content/review-items';
import type { ProgrammeDef } from '@/lib/content/schemas/programme';
import { type ItemRef, type LearnerLine, type SignOffGate, itemKey, itemsCertifiedBy, learnerLine, reviewState, reviewStates, signOffGate } from '@/lib/domain/review';

/** The item of this build with this kind and id, or undefined. */
export function findItem(catalog: Catalog, ref: ItemRef): ContentItem | undefined {
  return contentItems(catalog).find((i) => i.kind === ref.kind && i.id === ref.id);
}

/** The rule a programme's certificates wait on: for each programme, whether all it certifies is signed off now. */
export async function signOffGates(db: Db, catalog: Catalog): Promise<(programme: ProgrammeDef) => SignOffGate> {
  const items = contentItems(catalog);
  const states = reviewStates(items, await signOffRecord(db));
  return (programme) => signOffGate(itemsCertifiedBy(programme.requirements, items), states);
}

/** What learners are told about each of these items (by item key): who signed off the current version and when, or null. */
export async function learnerLines(db: Db, catalog: Catalog, kind: ItemRef['kind'], ids: readonly string[]): Promise<Map<string, LearnerLine>> {
  const items = contentItems(catalog).filter((i) => i.kind === kind && ids.includes(i.id));
  const decisions = await signOffRecord(db, { kind, ids: items.map((i) => i.id) });
  return new Map(items.map((i) => [i.id, learnerLine(reviewState(i.hash, decisions.filter((d) => itemKey(d) === itemKey(i))))]));
}
