import type { DebriefChoice, DebriefStep } from '@/lib/domain/consult';
import { Collapsible } from './DebriefDetails';
import { actionLabels, formatMinute } from './labels';
import { type RefIndex, RefLinks } from './RefLinks';

function Decision({ choice, refs, extra }: { choice: DebriefChoice; refs: RefIndex; extra?: React.ReactNode }) {
  return (
    <>
      <p className="m-0 text-sm font-semibold text-muted">
        {actionLabels[choice.action]}
        {extra}
      </p>
      <p className="m-0 font-semibold">{choice.label}</p>
      <p className="m-0">
        {choice.feedback}
        <RefLinks ids={choice.references} refs={refs} />
      </p>
    </>
  );
}

/** The learner's decisions beside the expert's, each with its feedback and source numbers; collapsed. */
export function DebriefPaths({ learner, expert, refs }: { learner: DebriefStep[]; expert: DebriefChoice[]; refs: RefIndex }) {
  return (
    <Collapsible id="paths-heading" title="Your path and the expert path" testId="paths">
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="your-path" className="stack" data-testid="learner-path">
          <h3 id="your-path" className="m-0">
            Your decisions ({learner.length})
          </h3>
          <ol className="space-y-3">
            {learner.map((step) => (
              <li key={step.step} className={`card space-y-1 border-s-4 ${step.onExpertPath ? 'border-s-ok' : 'border-s-warn'}`}>
                <Decision
                  choice={step}
                  refs={refs}
                  extra={
                    <>
                      {' '}
                      · {formatMinute(step.minute)} · {step.onExpertPath ? '✓ on the expert path' : 'not on the expert path'}
                    </>
                  }
                />
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="expert-path" className="stack" data-testid="expert-path">
          <h3 id="expert-path" className="m-0">
            The expert path ({expert.length})
          </h3>
          <ol className="space-y-3">
            {expert.map((choice) => (
              <li key={choice.choiceId} className="card space-y-1">
                <Decision choice={choice} refs={refs} />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Collapsible>
  );
}
