import type { ReviewState } from '@/lib/domain/review';
import { formatReviewDate } from '@/lib/format/review';

const tone: Record<ReviewState['state'], string> = {
  'signed-off': 'text-ok',
  'changes-requested': 'text-danger',
  'needs-review-again': 'text-warn',
  awaiting: 'text-muted',
};

/** An item's review state as a reviewer reads it, with who and when. */
export function ReviewStateText({ state, withComment = false }: { state: ReviewState; withComment?: boolean }) {
  const text = (() => {
    switch (state.state) {
      case 'signed-off':
        return `Signed off by ${state.decision.reviewerName} on ${formatReviewDate(state.decision.decidedAt)}`;
      case 'changes-requested':
        return `Changes requested by ${state.decision.reviewerName} on ${formatReviewDate(state.decision.decidedAt)}${withComment && state.decision.comment ? `: “${state.decision.comment}”` : ''}`;
      case 'needs-review-again': {
        const what = state.previous.decision === 'signed-off' ? 'signed it off' : 'requested changes';
        return `Needs review again: edited since ${state.previous.reviewerName} ${what} on ${formatReviewDate(state.previous.decidedAt)}`;
      }
      case 'awaiting':
        return 'Awaiting review';
      default: {
        const never: never = state;
        return never;
      }
    }
  })();
  return (
    <span className={`font-medium ${tone[state.state]}`} data-review-state={state.state}>
      {text}
    </span>
  );
}
