import type { Debrief } from '@/lib/domain/consult';
import { outcomeLabels } from './labels';
import { type RefIndex, RefLinks } from './RefLinks';

type Props = { debrief: Debrief; passMark: number; domainNames: Map<string, string>; refs: RefIndex };

/** Pass or fail, the ending, the score per domain and the critical actions and errors. */
export function DebriefSummary({ debrief, passMark, domainNames, refs }: Props) {
  const { result, ending, criticalActions, criticalErrors } = debrief;
  const committed = criticalErrors.filter((e) => e.committed);
  const avoided = criticalErrors.filter((e) => !e.committed);
  return (
    <>
      <section aria-labelledby="result-heading" className={`card stack border-2 ${result.passed ? 'border-ok' : 'border-danger'}`}>
        <h2 id="result-heading" className={`m-0 text-2xl ${result.passed ? 'text-ok' : 'text-danger'}`} data-testid="result">
          {result.passed ? '✓ Passed' : '✗ Not passed'}
        </h2>
        <p className="m-0 text-lg">
          Score <strong>{result.total.percent}%</strong> ({result.total.points} of {result.total.max} points; the pass mark is {passMark}%, with
          every critical action done and no critical error).
        </p>
        {ending ? (
          <div>
            <p className="m-0 font-semibold">{outcomeLabels[ending.outcome]}</p>
            <p className="m-0">{ending.text}</p>
          </div>
        ) : null}
      </section>

      {committed.length > 0 ? (
        <section aria-labelledby="errors-heading" className="notice notice-error stack" data-testid="critical-errors">
          <h2 id="errors-heading" className="m-0 text-lg">
            Critical {committed.length === 1 ? 'error' : 'errors'}: the case is not passed
          </h2>
          <ul className="space-y-2">
            {committed.map((e) => (
              <li key={e.id} className="text-ink">
                <p className="m-0 font-semibold">✗ {e.label}</p>
                <RefLinks ids={e.references} refs={refs} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="scores-heading" className="stack">
        <h2 id="scores-heading" className="m-0">
          Score by competency domain
        </h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Points</th>
                <th scope="col">Percent</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(result.domains).map(([domain, score]) => (
                <tr key={domain}>
                  <th scope="row" className="text-base font-normal text-ink">
                    {domain} {domainNames.get(domain) ?? ''}
                  </th>
                  <td>
                    {score.points} / {score.max}
                  </td>
                  <td>{score.percent}%</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="text-base text-ink">
                  Total
                </th>
                <td className="font-semibold">
                  {result.total.points} / {result.total.max}
                </td>
                <td className="font-semibold">{result.total.percent}%</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="m-0 text-sm text-muted">
          Your note scored {result.note.points} of {result.note.max} points (in its domain above).
        </p>
      </section>

      <section aria-labelledby="actions-heading" className="stack">
        <h2 id="actions-heading" className="m-0">
          Critical actions
        </h2>
        <ul className="space-y-2">
          {criticalActions.map((a) => (
            <li key={a.id} className={`card border-l-4 ${a.done ? 'border-l-ok' : 'border-l-danger'}`}>
              <p className="m-0">
                <strong>{a.done ? '✓ Done' : '✗ Missed'}:</strong> {a.label}
              </p>
              <RefLinks ids={a.references} refs={refs} />
            </li>
          ))}
        </ul>
        {avoided.length > 0 ? (
          <>
            <h3 className="m-0">Critical errors you avoided</h3>
            <ul className="space-y-2">
              {avoided.map((e) => (
                <li key={e.id} className="card">
                  <p className="m-0">✓ {e.label}</p>
                  <RefLinks ids={e.references} refs={refs} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
