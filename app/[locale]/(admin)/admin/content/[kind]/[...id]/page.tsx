import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { listReviewDecisions } from '@/db/queries/review';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { itemSource, reviewNotesByItem } from '@/lib/content/review-items';
import { isTranslation, itemKey, itemKinds, reviewState } from '@/lib/domain/review';
import { formatReviewDate } from '@/lib/format/review';
import { findItem } from '@/lib/services/sign-off';
import { ItemContent } from '@/components/review/ItemContent';
import { reviewPath } from '@/components/review/ItemRow';
import { ReviewStateText } from '@/components/review/ReviewStateText';
import { DecisionForm } from '../../DecisionForm';

export const metadata: Metadata = { title: 'Review an item', robots: { index: false } };

const paramsSchema = z.object({ kind: z.enum(itemKinds), id: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).max(2) });
const kindLabel = {
  lesson: 'Lesson',
  question: 'Quiz question',
  case: 'Virtual consult',
  reference: 'Reference',
  'urdu-case': 'Translation: a case in Urdu',
  'urdu-phrases': 'Translation: Urdu phrases',
  'urdu-interface': 'Translation: Urdu interface',
} as const;

type Props = { params: Promise<{ kind: string; id: string[] }> };

/** One item: what it says, its review state and history, the review notes that name it, and the decision form. */
export default async function ReviewItemPage({ params }: Props) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const ref = { kind: parsed.data.kind, id: parsed.data.id.join('/') };
  const actor = await requireRole('reviewer', reviewPath(ref));
  const catalog = await getCatalog();
  const item = findItem(catalog, ref);
  if (!item) notFound();
  const [history, notes, source] = await Promise.all([listReviewDecisions(getDb(), actor, item), reviewNotesByItem(catalog), itemSource(catalog, item)]);
  const state = reviewState(item.hash, history);
  const itemNotes = notes.get(itemKey(item)) ?? [];
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <p className="m-0 small">
          <Link href="/admin/content">Content review</Link> › {kindLabel[item.kind]}
        </p>
        <h1 className="m-0">{item.title}</h1>
        <p className="m-0 small muted">
          {item.kind} <span className="font-mono">{item.id}</span>
          {item.file ? ` · ${item.file}` : ''} · version <span className="font-mono" data-testid="item-hash">{item.hash}</span>
        </p>
        <p className="m-0" data-testid="item-state">
          <ReviewStateText state={state} withComment />
        </p>
      </header>
      <ItemContent item={item} catalog={catalog} source={source} />
      <section aria-labelledby="notes-heading" className="stack">
        <h2 id="notes-heading">Review notes that name it</h2>
        {itemNotes.length === 0 ? (
          <p className="m-0 muted">content/REVIEW-NOTES.md does not name this item.</p>
        ) : (
          <ul className="list-none space-y-3 ps-0" data-testid="item-notes">
            {itemNotes.map((n) => (
              <li key={n.line} className="card small" data-asks-sign-off={n.asksSignOff}>
                <p className="m-0 muted">
                  {n.headings.join(' › ')} · line {n.line}
                  {n.asksSignOff ? ' · asks for sign-off' : ''}
                </p>
                {n.context.length > 0 ? <p className="m-0 muted whitespace-pre-wrap">{n.context.join('\n')}</p> : null}
                <p className="m-0 whitespace-pre-wrap">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DecisionForm kind={item.kind} id={item.id} hash={item.hash} formKey={randomUUID()} translation={isTranslation(item.kind)} />
      <section aria-labelledby="history-heading" className="stack">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p className="m-0 muted">No decision yet on any version.</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="item-history">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Reviewer</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {[...history].reverse().map((d) => (
                  <tr key={d.decisionId}>
                    <td className="small">{formatReviewDate(d.decidedAt)}</td>
                    <td>{d.reviewerName}</td>
                    <td>
                      {d.decision === 'signed-off' ? 'Signed off' : 'Changes requested'}
                      {d.comment ? <p className="m-0 small">“{d.comment}”</p> : null}
                    </td>
                    <td className="small">
                      <span className="font-mono">{d.hash}</span> {d.hash === item.hash ? '(this version)' : '(an earlier version)'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
