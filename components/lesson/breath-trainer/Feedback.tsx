import { useEffect, useRef } from 'react';
import { AGE_BAND_LABEL, type BreathAnswer, type BreathFeedback, COUNT_TOLERANCE, type Classification, formatAge } from '@/lib/domain/breathing';
import type { BreathScenario } from '@/lib/content/schemas/trainer';

const said: Record<Classification, string> = { fast: 'fast breathing', 'not-fast': 'not fast breathing', invalid: 'the count cannot be used' };
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓ ' : '✗ ');

/** What the learner got right and wrong, with the true rate and the IMCI threshold for the age. */
export function Feedback({ scenario, answer, feedback }: { scenario: BreathScenario; answer: BreathAnswer; feedback: BreathFeedback }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { age } = scenario.child;
  const f = feedback;
  const error = f.countError;
  return (
    <section aria-labelledby={`${scenario.id}-result`} className={`notice mt-4 ${f.correct ? 'notice-ok' : 'notice-error'}`}>
      <h3 id={`${scenario.id}-result`} ref={heading} tabIndex={-1} className="mt-0">
        {f.correct ? 'Right.' : 'Not quite.'}
      </h3>
      <ul className="space-y-1 text-ink">
        {scenario.freeze ? (
          <li>
            The picture froze at 0:{String(Math.floor(scenario.freeze.at)).padStart(2, '0')}
            {scenario.freeze.seconds ? ` for ${scenario.freeze.seconds} seconds` : ''}: the count could not be valid.
          </li>
        ) : null}
        <li>
          True rate: <strong>{f.trueRate} breaths</strong> in the full minute.
        </li>
        <li>
          At {formatAge(age)} ({AGE_BAND_LABEL[f.band]}), fast breathing is <strong>{f.threshold} or more</strong> a minute (WHO IMCI).
        </li>
        {answer.count !== null ? (
          <li>
            {mark(f.countWithinTolerance)}Your count: {answer.count}
            {error === null ? '' : error === 0 ? ', exactly right' : `, ${Math.abs(error)} ${error > 0 ? 'more' : 'fewer'} than the true rate`}
            {f.countWithinTolerance === false ? ` (more than ${COUNT_TOLERANCE} out)` : ''}.
            {f.countClassification && f.countClassification !== f.expected && f.expected !== 'invalid' ? ` By your count it would be ${said[f.countClassification]}; by the true rate it is ${said[f.expected]}.` : ''}
          </li>
        ) : null}
        <li>
          {mark(f.classificationCorrect)}You said {said[answer.classification]}; the answer is <strong>{said[f.expected]}</strong>
          {f.expected === 'invalid' ? ': stop, and ask for a re-count on audio or a full 60-second clip' : ''}.
        </li>
        {f.indrawingCorrect !== null ? (
          <li>
            {mark(f.indrawingCorrect)}Lower chest indrawing was {scenario.indrawing ? 'present' : 'absent'}; you said {answer.indrawing ? 'you saw it' : 'you did not'}.
          </li>
        ) : null}
      </ul>
      <p className="mb-0 mt-2 text-ink">{scenario.feedback}</p>
      <p className="mb-0 mt-2 text-sm text-muted">Thresholds: WHO IMCI Chart Booklet, 2014. The sources are listed at the end of this lesson.</p>
    </section>
  );
}
