import { markdownToText } from '@/lib/content/formats/mdast';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { type ItemStatistics, MIN_ATTEMPTS_FOR_DISCRIMINATION, itemFlags } from '@/lib/domain/quiz';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** Per question: attempts, facility, discrimination, and how often each option was chosen (key marked). For instructors only. */
export function ItemStatisticsTable({ quiz, items }: { quiz: QuizDef; items: readonly ItemStatistics[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="item-statistics">
        <caption className="sr-only">Statistics per question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Seen</th>
            <th scope="col">Facility</th>
            <th scope="col">Discrimination</th>
            <th scope="col">Options chosen</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const question = quiz.questions.find((q) => q.id === item.questionId);
            if (!question) return null;
            const flagged = itemFlags(item);
            // Markdown's words only: a table cell shows no images or formatting marks.
            const stemText = markdownToText(question.stem);
            return (
              <tr key={item.questionId} data-question-id={item.questionId}>
                <td className="min-w-48">
                  <div className="small muted">{item.questionId}</div>
                  {question.vignette ? (
                    <details className="small">
                      <summary>Vignette</summary>
                      <p className="m-0 mt-1" data-testid="vignette">
                        {question.vignette}
                      </p>
                    </details>
                  ) : null}
                  <div>{stemText.length > 140 ? `${stemText.slice(0, 140)}…` : stemText}</div>
                  {flagged.length > 0 ? <div className="small font-semibold text-warn">Check: {flagged.join(', ')}</div> : null}
                </td>
                <td>{item.n}</td>
                <td data-testid="facility">{percent(item.facility)}</td>
                <td>
                  {item.discrimination === null ? (
                    <span className="small muted">needs {MIN_ATTEMPTS_FOR_DISCRIMINATION}+</span>
                  ) : (
                    item.discrimination.toFixed(2)
                  )}
                </td>
                <td className="min-w-56">
                  <ul className="space-y-1">
                    {item.options.map((o) => {
                      const option = question.options.find((opt) => opt.id === o.optionId);
                      const isKey = question.key.includes(o.optionId);
                      const share = item.n === 0 ? 0 : o.count / item.n;
                      return (
                        <li key={o.optionId} className="small">
                          <div>
                            {isKey ? <strong>✓ </strong> : null}
                            {option ? markdownToText(option.text) : o.optionId}: {o.count}
                            {isKey ? <span className="sr-only"> (key)</span> : null}
                          </div>
                          <div className="h-2 rounded bg-line" aria-hidden="true">
                            <div className={`h-2 rounded ${isKey ? 'bg-ok' : 'bg-muted'}`} style={{ width: `${Math.round(share * 100)}%` }} />
                          </div>
                        </li>
                      );
                    })}
                    <li className="small muted">Unanswered: {item.unanswered}</li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
