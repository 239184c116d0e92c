import { readinessGrace } from '@/lib/domain/readiness';

/** The rules behind the dashboard's words, printed on the dashboard itself. */
export function ReadinessDefinition() {
  return (
    <details className="card" data-testid="readiness-definition">
      <summary>How readiness is worked out</summary>
      <div className="stack small">
        <p className="m-0">Each member is placed by what they have done towards the cohort&apos;s certificate:</p>
        <ul className="m-0">
          <li>
            <strong>Ready</strong>: holds a valid (issued, unexpired, unrevoked) certificate for the programme.
          </li>
          <li>
            <strong>Not started</strong>: no lesson, quiz attempt or consult attempt towards it yet.
          </li>
          <li>
            <strong>On track</strong>: the share of the programme&apos;s requirements met (a module counts by the share of its lessons done; a
            quiz when its best score reaches the pass mark; a consult when passed without a critical error) is at least the share of the
            cohort&apos;s time already passed, less {Math.round(readinessGrace * 100)} points of grace.
          </li>
          <li>
            <strong>Behind</strong>: everyone else, and every member not certified once the due date has passed.
          </li>
        </ul>
        <p className="m-0">
          <strong>Domain scores</strong> pool, per AAMC telehealth competency domain, the credit on each quiz question tagged with that domain
          (the latest attempt at each quiz) and the rubric points scored in that domain in virtual consults (the latest attempt at each case).
          A dash means nothing has assessed the domain yet; it is not a zero.
        </p>
        <p className="m-0">Only current members count. A learner who leaves, or is removed, disappears from every figure here.</p>
      </div>
    </details>
  );
}
