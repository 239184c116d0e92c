import type { PublicQuestion } from '@/lib/domain/quiz';
import { answerField } from './answer-fields';
import { InlineMarkdown } from './Markdown';
import { Prose } from './Prose';

/** `legend` ("Question 2 of 10") and `hint` ("Choose one.") come translated from the page. */
type Props = { question: PublicQuestion; number: number; chosen: readonly string[]; legend: string; hint: string };

/** One question of an open attempt, from its public view only: stem and options, no key. */
export function QuestionFields({ question, number, chosen, legend, hint }: Props) {
  return (
    <div className="card" id={`question-${number}`} data-question-id={question.questionId}>
      <fieldset className="stack">
        <legend className="text-sm font-semibold uppercase tracking-wide text-muted">
          {legend}
        </legend>
        <div className="stack" lang="en" dir="ltr">
          {question.vignette ? <Prose text={question.vignette} className="rounded-md bg-brand-soft p-3" /> : null}
          <Prose text={question.stem} className="font-semibold" />
        </div>
        <p className="hint">{hint}</p>
        <ul className="space-y-2" lang="en" dir="ltr">
          {question.options.map((option) => (
            <li key={option.id}>
              <label className="flex cursor-pointer items-start gap-2 rounded-md border border-line p-2 font-normal hover:bg-brand-soft">
                <input
                  type={question.multiple ? 'checkbox' : 'radio'}
                  name={question.multiple ? answerField(question.questionId, option.id) : answerField(question.questionId)}
                  value={option.id}
                  defaultChecked={chosen.includes(option.id)}
                  className="mt-1.5"
                />
                <span>
                  <InlineMarkdown text={option.text} />
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
