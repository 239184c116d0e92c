import type { ChoiceAction } from '@/lib/content/schemas/case';
import type { PublicChoice } from '@/lib/domain/consult';
import { actionLabels, actionOrder } from './labels';

type Props = { caseId: string; attemptId: string; step: number; choices: PublicChoice[]; action: (formData: FormData) => Promise<void> };

/**
 * The choices, grouped by what they do. Each is its own small form naming the attempt, the step it
 * was offered at and the choice, so it works without JavaScript and a double click advances once.
 */
export function ChoiceGroups({ caseId, attemptId, step, choices, action }: Props) {
  const groups = actionOrder
    .map((action) => ({ action, choices: choices.filter((c) => c.action === action) }))
    .filter((g): g is { action: ChoiceAction; choices: PublicChoice[] } => g.choices.length > 0);
  return (
    <section aria-labelledby="choices-heading" className="stack">
      <h2 id="choices-heading" className="m-0 text-lg">
        What do you do?
      </h2>
      {groups.map((group) => (
        <section key={group.action} aria-labelledby={`group-${group.action}`} data-action={group.action}>
          <h3 id={`group-${group.action}`} className="mt-0 text-base">
            {actionLabels[group.action]}
          </h3>
          <ul className="space-y-2">
            {group.choices.map((choice) => (
              <li key={choice.id}>
                <form action={action}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="attemptId" value={attemptId} />
                  <input type="hidden" name="expectedStep" value={step} />
                  <input type="hidden" name="choiceId" value={choice.id} />
                  <button type="submit" className="btn w-full justify-start text-left font-normal">
                    {choice.label}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
