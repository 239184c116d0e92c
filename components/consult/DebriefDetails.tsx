import type { CaseDef } from '@/lib/content/schemas/case';
import type { Debrief } from '@/lib/domain/consult';
import { type RefIndex, RefLinks } from './RefLinks';

/** A debrief section collapsed under its heading; the page's first part stays short on a phone. */
export function Collapsible({ id, title, children, testId }: { id: string; title: string; children: React.ReactNode; testId?: string }) {
  return (
    <details className="card" data-testid={testId}>
      <summary className="cursor-pointer">
        <h2 id={id} className="m-0 inline text-lg">
          {title}
        </h2>
      </summary>
      <div className="mt-3 stack">{children}</div>
    </details>
  );
}

/** What the case was about: shown only now, never in the brief. */
export function CaseAbout({ debrief }: { debrief: CaseDef['debrief'] }) {
  return (
    <Collapsible id="about-heading" title="What this case was about" testId="case-about">
      <p className="m-0">
        <strong>The problem: </strong>
        {debrief.diagnosis}
      </p>
      <p className="m-0">
        <strong>What it needed: </strong>
        {debrief.disposition}
      </p>
      <p className="m-0 font-semibold">What it teaches</p>
      <ul className="m-0 space-y-1 ps-5">
        {debrief.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    </Collapsible>
  );
}

type ScoresProps = { debrief: Debrief; domainNames: Map<string, string>; refs: RefIndex };

/**
 * The score per domain, the critical actions, and the critical errors the learner was offered and did
 * not make. An error no decision point on their path offered is not listed: not making it says nothing.
 */
export function DomainScores({ debrief, domainNames, refs }: ScoresProps) {
  const { result, criticalActions, criticalErrors } = debrief;
  const notMade = criticalErrors.filter((e) => e.offered && !e.committed);
  return (
    <Collapsible id="scores-heading" title="Score by domain and critical items" testId="domain-scores">
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
      <h3 className="m-0 text-base">Critical actions</h3>
      <ul className="m-0 space-y-1 ps-0">
        {criticalActions.map((a) => (
          <li key={a.id} className="list-none">
            <strong>{a.done ? '✓ Done' : '✗ Missed'}:</strong> {a.label}
            <RefLinks ids={a.references} refs={refs} />
          </li>
        ))}
      </ul>
      {notMade.length > 0 ? (
        <>
          <h3 className="m-0 text-base">Critical errors you were offered and did not make</h3>
          <ul className="m-0 space-y-1 ps-5" data-testid="errors-not-made">
            {notMade.map((e) => (
              <li key={e.id}>
                {e.label}
                <RefLinks ids={e.references} refs={refs} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Collapsible>
  );
}
