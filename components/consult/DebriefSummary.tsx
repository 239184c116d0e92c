import type { Debrief } from '@/lib/domain/consult';
import { actionLabels, outcomeLabels } from './labels';
import { type RefIndex, RefLinks } from './RefLinks';

type Props = { debrief: Debrief; passMark: number; patientName: string; refs: RefIndex };

/** Why the case was not passed, in plain words: each reason the rule has. */
function failReasons({ result, criticalActions }: Debrief, passMark: number): string[] {
  const missed = criticalActions.filter((a) => !a.done).length;
  const errors = result.criticalErrors.length;
  return [
    errors > 0 ? `you made ${errors === 1 ? 'a critical error' : `${errors} critical errors`}` : '',
    missed > 0 ? `you missed ${missed === 1 ? 'a critical action' : `${missed} critical actions`}` : '',
    result.total.percent < passMark ? `your score is below the pass mark` : '',
  ].filter((r) => r !== '');
}

function sentence(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The debrief's first part, read in two minutes: passed or not and why, the score against the pass
 * mark, what happened to the patient, the critical errors made and actions missed, and the three
 * decisions that cost most. Nothing here reads as praise when the case was not passed.
 */
export function DebriefSummary({ debrief, passMark, patientName, refs }: Props) {
  const { result, ending, criticalActions, criticalErrors, costliest } = debrief;
  const committed = criticalErrors.filter((e) => e.committed);
  const missed = criticalActions.filter((a) => !a.done);
  return (
    <div className="stack-lg" data-testid="debrief-top">
      <section aria-labelledby="result-heading" className={`card stack border-2 ${result.passed ? 'border-ok' : 'border-danger'}`}>
        <h2 id="result-heading" className={`m-0 text-2xl ${result.passed ? 'text-ok' : 'text-danger'}`} data-testid="result">
          {result.passed ? '✓ Passed' : '✗ Not passed'}
        </h2>
        <p className="m-0" data-testid="result-why">
          {result.passed
            ? 'You did every critical action, made no critical error and reached the pass mark.'
            : `You did not pass this case: ${sentence(failReasons(debrief, passMark))}.`}
        </p>
        <p className="m-0 text-lg" data-testid="score">
          Your score: <strong>{result.total.percent}%</strong>. Pass mark: {passMark}%.
        </p>
      </section>

      {ending ? (
        <section aria-labelledby="ending-heading" className="stack">
          <h2 id="ending-heading" className="m-0 text-lg">
            What happened to {patientName}
          </h2>
          <p className="m-0 font-semibold">{outcomeLabels[ending.outcome]}</p>
          <p className="m-0" data-testid="ending">
            {ending.text}
          </p>
        </section>
      ) : null}

      {committed.length > 0 || missed.length > 0 ? (
        <section aria-labelledby="errors-heading" className="notice notice-error stack" data-testid="critical-errors">
          <h2 id="errors-heading" className="m-0 text-lg">
            Why the case is not passed
          </h2>
          <ul className="m-0 space-y-1 ps-0">
            {committed.map((e) => (
              <li key={e.id} className="list-none text-ink">
                <strong>✗ Critical error:</strong> {e.label}
                <RefLinks ids={e.references} refs={refs} />
              </li>
            ))}
            {missed.map((a) => (
              <li key={a.id} className="list-none text-ink" data-testid="missed-action">
                <strong>✗ Missed:</strong> {a.label}
                <RefLinks ids={a.references} refs={refs} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="costliest-heading" className="stack" data-testid="costliest">
        <h2 id="costliest-heading" className="m-0 text-lg">
          {costliest.length === 0 ? 'Decisions that cost points' : costliest.length === 1 ? 'The decision that cost most' : `The ${costliest.length} decisions that cost most`}
        </h2>
        {costliest.length === 0 ? (
          <p className="m-0">None of your decisions cost points.</p>
        ) : (
          <ol className="m-0 space-y-2 ps-5">
            {costliest.map((c) => (
              <li key={c.step}>
                <p className="m-0">
                  <span className="text-sm text-muted">{actionLabels[c.action]}: </span>
                  {c.label}
                </p>
                <p className="m-0 text-sm">
                  <strong>{c.criticalError !== null ? 'Critical error.' : `${c.cost} ${c.cost === 1 ? 'point' : 'points'} lost.`}</strong> {c.why}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
