import { type TrainerAttempt, summariseAttempts } from '@/lib/domain/practice';

/** Accuracy over time on this device: overall, the last ten, and one mark per attempt. */
export function History({ attempts, trainer, names, onClear }: { attempts: TrainerAttempt[]; trainer: string; names: ReadonlyMap<string, string>; onClear: () => void }) {
  const summary = summariseAttempts(attempts, trainer);
  if (summary.total === 0) return <p className="hint mt-4">Your results will appear here, kept on this device only.</p>;
  const shown = summary.timeline.slice(-10);
  return (
    <section className="mt-6" aria-labelledby={`${trainer}-history`}>
      <h3 id={`${trainer}-history`} className="mt-0 text-base">
        Your results on this device
      </h3>
      <p className="m-0" data-testid="trainer-accuracy">
        {summary.correct} of {summary.total} right ({summary.accuracy}%)
        {summary.total > summary.recent.size ? `; your last ${summary.recent.size}: ${summary.recent.accuracy}%` : ''}.
      </p>
      <ol className="mt-2 flex list-none flex-wrap gap-1 p-0" aria-label={`Your last ${shown.length} attempts, oldest first`}>
        {shown.map((a) => (
          <li key={a.at + a.scenario} className={`rounded px-2 py-0.5 text-sm ${a.correct ? 'bg-green-50 text-ok' : 'bg-red-50 text-danger'}`}>
            {a.correct ? '✓' : '✗'} {names.get(a.scenario) ?? a.scenario}
            <span className="sr-only">{a.correct ? ', right' : ', not right'}</span>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small mt-2" onClick={onClear}>
        Clear my results
      </button>
    </section>
  );
}
