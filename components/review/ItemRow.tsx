import Link from 'next/link';
import type { NoteBlock, ReviewItem, ReviewState } from '@/lib/domain/review';
import { ReviewStateText } from './ReviewStateText';

/** Where an item is reviewed: /admin/content/lesson/maternal-child/pregnancy-danger-signs. */
export const reviewPath = (item: Pick<ReviewItem, 'kind' | 'id'>) => `/admin/content/${item.kind}/${item.id}`;

const kindLabel = { lesson: 'Lesson', question: 'Question', case: 'Case', reference: 'Reference', 'urdu-case': 'Urdu lines', 'urdu-phrases': 'Urdu phrases', 'urdu-interface': 'Urdu interface' } as const;

/** One item in the review list: what it is, its state, and how many review notes concern it. */
export function ItemRow({ item, state, notes, evidence }: { item: ReviewItem; state: ReviewState; notes: readonly NoteBlock[]; evidence?: string }) {
  const asking = notes.filter((n) => n.asksSignOff).length;
  return (
    <li className="py-1" data-item={`${item.kind}:${item.id}`} data-state={state.state} data-evidence={evidence}>
      <span className="muted small">{kindLabel[item.kind]}</span> {evidence ? <span className="font-mono small">[{evidence}] </span> : null}
      <Link href={reviewPath(item)}>{item.title}</Link>
      <br />
      <span className="small">
        <ReviewStateText state={state} />
        {notes.length > 0 ? (
          <span className="muted">
            {' '}
            · {notes.length} review {notes.length === 1 ? 'note' : 'notes'}
            {asking > 0 ? `, ${asking} asking for sign-off` : ''}
          </span>
        ) : null}
      </span>
    </li>
  );
}
