// The debrief's first part, read in two minutes: passed or not and why, the score against the pass
// mark, what happened to the patient, critical errors and missed actions, the costliest decisions.
import { actionLabels, outcomeLabels } from '@/components/consult/labels';
import type { Debrief } from '@/lib/domain/consult/debrief';
import { focusTarget, h } from './dom';
import { type RefIndex, refLinks } from './refs';

function failReasons({ result, criticalActions }: Debrief, passMark: number): string[] {
  const missed = criticalActions.filter((a) => !a.done).length;
  const errors = result.criticalErrors.length;
  return [
    errors > 0 ? `you made ${errors === 1 ? 'a critical error' : `${errors} critical errors`}` : '',
    missed > 0 ? `you missed ${missed === 1 ? 'a critical action' : `${missed} critical actions`}` : '',
    result.total.percent < passMark ? 'your score is below the pass mark' : '',
  ].filter((r) => r !== '');
}

function sentence(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function renderSummary(debrief: Debrief, passMark: number, patientName: string, refs: RefIndex): HTMLElement {
  const { result, ending, criticalActions, criticalErrors, costliest } = debrief;
  const committed = criticalErrors.filter((e) => e.committed);
  const missed = criticalActions.filter((a) => !a.done);
  const costTitle = costliest.length === 0 ? 'Decisions that cost points' : costliest.length === 1 ? 'The decision that cost most' : `The ${costliest.length} decisions that cost most`;
  return h(
    'div',
    { class: 'stack', 'data-testid': 'debrief-top' },
    h(
      'section',
      { 'aria-labelledby': 'result-heading', class: `card result ${result.passed ? 'result-ok' : 'result-fail'}` },
      focusTarget('h2', 'result-heading', result.passed ? '✓ Passed' : '✗ Not passed'),
      h('p', { 'data-testid': 'result-why' }, result.passed ? 'You did every critical action, made no critical error and reached the pass mark.' : `You did not pass this case: ${sentence(failReasons(debrief, passMark))}.`),
      h('p', { class: 'lead', 'data-testid': 'score' }, 'Your score: ', h('strong', {}, `${result.total.percent}%`), `. Pass mark: ${passMark}%.`),
    ),
    ending
      ? h('section', { 'aria-labelledby': 'ending-heading' }, h('h2', { id: 'ending-heading' }, `What happened to ${patientName}`), h('p', {}, h('strong', {}, outcomeLabels[ending.outcome])), h('p', { 'data-testid': 'ending' }, ending.text))
      : null,
    committed.length > 0 || missed.length > 0
      ? h(
          'section',
          { 'aria-labelledby': 'errors-heading', class: 'notice error', 'data-testid': 'critical-errors' },
          h('h2', { id: 'errors-heading' }, 'Why the case is not passed'),
          h(
            'ul',
            { class: 'plain' },
            committed.map((e) => h('li', {}, h('strong', {}, '✗ Critical error: '), e.label, refLinks(e.references, refs))),
            missed.map((a) => h('li', {}, h('strong', {}, '✗ Missed: '), a.label, refLinks(a.references, refs))),
          ),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'costliest-heading', 'data-testid': 'costliest' },
      h('h2', { id: 'costliest-heading' }, costTitle),
      costliest.length === 0
        ? h('p', {}, 'None of your decisions cost points.')
        : h(
            'ol',
            {},
            costliest.map((c) =>
              h(
                'li',
                {},
                h('p', {}, h('span', { class: 'small muted' }, `${actionLabels[c.action]}: `), c.label),
                h('p', { class: 'small' }, h('strong', {}, c.criticalError !== null ? 'Critical error.' : `${c.cost} ${c.cost === 1 ? 'point' : 'points'} lost.`), ` ${c.why}`),
              ),
            ),
          ),
    ),
  );
}
