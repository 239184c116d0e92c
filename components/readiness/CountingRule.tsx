/** How the institution and national figures are counted, printed on both dashboards. */
export function CountingRule() {
  return (
    <details className="card" data-testid="counting-rule">
      <summary>How these figures add up</summary>
      <div className="stack small">
        <p className="m-0">
          Every cohort is worked out by the same rules as its own dashboard. A <strong>learner in two cohorts counts once in each</strong>:
          &quot;learners&quot; are cohort places, so an institution&apos;s counts are the sums of its cohorts&apos;, and the national counts the
          sums of the institutions&apos;.
        </p>
        <p className="m-0">
          A domain&apos;s figure is the mean score of all the learners it has assessed, each counted once per cohort, not a mean of the
          cohorts&apos; means. A dash means no learner has been assessed in that domain.
        </p>
        <p className="m-0">
          The trend counts, per calendar month (UTC), current members who joined in that month and the certificates for the cohort&apos;s
          programme issued to them in it (revoked ones left out).
        </p>
      </div>
    </details>
  );
}
