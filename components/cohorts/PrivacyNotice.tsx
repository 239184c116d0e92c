/** What joining a cohort shares, said plainly before a learner joins and while they belong. */
export function PrivacyNotice({ instructor }: { instructor?: string }) {
  const who = instructor ? `${instructor} (the cohort's instructor)` : "The cohort's instructor";
  return (
    <section className="card stack" aria-labelledby="cohort-privacy" data-testid="cohort-privacy">
      <h2 id="cohort-privacy" className="h3 m-0">
        What the instructor will see
      </h2>
      <p className="m-0">{who} and the platform&apos;s administrators will see, for as long as you are a member:</p>
      <ul className="m-0">
        <li>your name and email address, and the student ID your institution gave in its roster, if it gave one;</li>
        <li>which lessons you have completed;</li>
        <li>your best score on each quiz, and your answers counted, without your name, in the cohort&apos;s question statistics;</li>
        <li>your virtual consult results, including any critical errors;</li>
        <li>a score for each of the six telehealth competency domains, worked out from the above;</li>
        <li>whether you hold the programme&apos;s certificate.</li>
      </ul>
      <p className="m-0">
        They do not see your password, your registration number, your CPD ledger, or anything you do after you leave. You can leave at any time
        from this page; your own progress stays yours.
      </p>
    </section>
  );
}
