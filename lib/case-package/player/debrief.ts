// The debrief screen: the summary, the details collapsed, the sources, what the LMS was sent, and
// Play again.
import type { ConsultNote } from '@/lib/content/schemas/case';
import type { Debrief } from '@/lib/domain/consult/debrief';
import type { PackageData } from '../package-data';
import { collapsible, h } from './dom';
import { caseAbout, domainScores, noteComparison, paths } from './debrief-details';
import { renderSummary } from './debrief-summary';
import { indexRefs, sourceList } from './refs';

export function renderDebrief(data: PackageData, debrief: Debrief, note: ConsultNote, lmsStatus: string, onAgain: () => void): HTMLElement {
  const def = data.case;
  const cited = [
    ...debrief.criticalErrors.filter((e) => e.committed).flatMap((e) => e.references),
    ...debrief.criticalActions.filter((a) => !a.done).flatMap((a) => a.references),
    ...debrief.criticalActions.flatMap((a) => a.references),
    ...debrief.criticalErrors.flatMap((e) => e.references),
    ...debrief.learner.flatMap((s) => s.references),
    ...debrief.expert.flatMap((s) => s.references),
    ...def.references,
  ];
  const refs = indexRefs(cited, data.references);
  const again = h('button', { type: 'button', class: 'btn' }, 'Play the case again');
  again.addEventListener('click', onAgain);
  return h(
    'div',
    { class: 'stack' },
    h('h1', {}, `Debrief: ${def.title}`),
    renderSummary(debrief, def.pass.minScore, def.patient.name, refs),
    h('p', { 'data-testid': 'lms-status' }, lmsStatus),
    h(
      'div',
      { class: 'stack', 'data-testid': 'debrief-detail' },
      caseAbout(def.debrief),
      paths(debrief, refs),
      domainScores(debrief, data.domainNames, refs),
      noteComparison(note, debrief),
      collapsible('sources-heading', `Sources (${refs.number.size})`, 'sources', sourceList(refs)),
    ),
    h('p', {}, again),
  );
}
