import type { TranscriptEntry } from '@/lib/domain/consult';
import type { PatientLinesMode } from '@/lib/domain/language/patient-lines';
import { actionLabels, connectionLabels, formatMinute } from './labels';
import { Lines, Notice, Show } from './Lines';

/** The consult so far: what was said at each node the learner reached, their choices and the replies. */
export function Transcript({ entries, mode }: { entries: TranscriptEntry[]; mode: PatientLinesMode }) {
  return (
    <section aria-labelledby="transcript-heading" className="stack">
      <h2 id="transcript-heading" className="m-0 text-lg">
        Transcript
      </h2>
      {entries.length === 0 ? (
        <p className="m-0 muted">The call has just connected.</p>
      ) : (
        <ol className="space-y-4" data-testid="transcript">
          {entries.map((entry) => (
            <li key={entry.step} className="space-y-2">
              <p className="m-0 text-xs font-semibold uppercase tracking-wide text-muted">
                {formatMinute(entry.minute)} · {connectionLabels[entry.connection]}
              </p>
              <Lines lines={entry.say} mode={mode} />
              <Show text={entry.show} />
              {entry.choice ? (
                <div className="ms-auto max-w-[44rem] rounded-lg rounded-se-none bg-brand-soft px-3 py-2">
                  <p className="m-0 text-sm font-semibold">You · {actionLabels[entry.choice.action]}</p>
                  <p className="m-0">{entry.choice.label}</p>
                </div>
              ) : null}
              <Lines lines={entry.reply} mode={mode} />
              {entry.notices.map((text) => (
                <Notice key={text} text={text} />
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
