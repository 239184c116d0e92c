import type { Reference } from '@/lib/content/schemas/reference';
import type { FullReviewQuestion } from '@/lib/domain/quiz';
import { InlineMarkdown } from './Markdown';
import { Prose } from './Prose';

function verdict(q: FullReviewQuestion): { text: string; tone: string } {
  if (q.chosen.length === 0) return { text: 'Not answered', tone: 'notice-error' };
  if (q.correct) return { text: 'Correct', tone: 'notice-ok' };
  if (q.credit > 0) return { text: `Partly correct (${Math.round(q.credit * 100)}% of the mark)`, tone: 'notice-error' };
  return { text: 'Incorrect', tone: 'notice-error' };
}

type Props = { question: FullReviewQuestion; number: number; references: ReadonlyMap<string, Reference> };

/** One question after submission, as the review policy allows: the learner's answer, the key, why, and the sources. */
export function ReviewQuestion({ question, number, references }: Props) {
  const { text, tone } = verdict(question);
  return (
    <article className="card stack" data-question-id={question.questionId} aria-labelledby={`review-${number}`}>
      <h3 id={`review-${number}`} className="m-0 flex flex-wrap items-center gap-2">
        Question {number} <span className={`notice ${tone} text-sm`}>{text}</span>
      </h3>
      {question.vignette ? <Prose text={question.vignette} className="rounded-md bg-brand-soft p-3" /> : null}
      <Prose text={question.stem} className="font-semibold" />
      <ul className="space-y-1">
        {question.options.map((option) => {
          const isKey = question.key.includes(option.id);
          const isChosen = question.chosen.includes(option.id);
          return (
            <li key={option.id} className={`rounded-md border p-2 ${isKey ? 'border-ok' : 'border-line'}`} data-key={isKey ? 'true' : undefined}>
              <span aria-hidden="true">{isKey ? '✓ ' : isChosen ? '✗ ' : '· '}</span>
              <InlineMarkdown text={option.text} />
              {isChosen || isKey ? (
                <span className="small muted">
                  {' '}
                  ({[isChosen ? 'your answer' : '', isKey ? 'correct answer' : ''].filter(Boolean).join(', ')})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="stack" data-testid="rationale">
        <h4 className="m-0 font-semibold">Why</h4>
        <Prose text={question.rationale} />
      </div>
      {question.references.length > 0 ? (
        <div className="small">
          <h4 className="m-0 font-semibold">Sources</h4>
          <ul className="list-disc ps-5">
            {question.references.map((id) => {
              const ref = references.get(id);
              return (
                <li key={id}>
                  {ref ? ref.citation : id}{' '}
                  {ref?.url ? (
                    <a href={ref.url} rel="noopener noreferrer" className="break-words">
                      {ref.url}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
