import type { QuizDef } from '@/lib/content/schemas/quiz';
import { type ItemStatistics, MIN_ATTEMPTS_FOR_DISCRIMINATION } from '@/lib/domain/quiz';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * Usual rules of thumb for a teaching quiz: facility below 30% or above 90% is worth a look, and so
 * is a discrimination below 0.2 (the question does not separate stronger from weaker learners).
 */
function flags(item: ItemStatistics): string[] {
  const out: string[] = [];
  if (item.facility !== null && item.facility < 0.3) out.push('hard');
  if (item.facility !== null && item.facility > 0.9) out.push('easy');
  if (item.discrimination !== null && item.discrimination < 0.2) out.push('low discrimination');
  return out;
}

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
            const itemFlags = flags(item);
            return (
              <tr key={item.questionId} data-question-id={item.questionId}>
                <td className="min-w-48">
                  <div className="small muted">{item.questionId}</div>
                  <div>{question.stem.length > 140 ? `${question.stem.slice(0, 140)}…` : question.stem}</div>
                  {itemFlags.length > 0 ? <div className="small font-semibold text-warn">Check: {itemFlags.join(', ')}</div> : null}
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
                            {option?.text ?? o.optionId}: {o.count}
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
