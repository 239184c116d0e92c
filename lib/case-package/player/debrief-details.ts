// The debrief's details, collapsed: what the case was about, the paths, the scores by domain and the
// critical items, the note beside the expert's, as the site's debrief shows them.
import { actionLabels, formatMinute, noteFields } from '@/components/consult/labels';
import type { CaseDef, ConsultNote } from '@/lib/content/schemas/case';
import type { Debrief, DebriefChoice } from '@/lib/domain/consult/debrief';
import { collapsible, h } from './dom';
import { type RefIndex, refLinks } from './refs';

export function caseAbout(about: CaseDef['debrief']): HTMLElement {
  return collapsible(
    'about-heading',
    'What this case was about',
    'case-about',
    h('p', {}, h('strong', {}, 'The problem: '), about.diagnosis),
    h('p', {}, h('strong', {}, 'What it needed: '), about.disposition),
    h('p', {}, h('strong', {}, 'What it teaches')),
    h('ul', {}, about.objectives.map((o) => h('li', {}, o))),
  );
}

function decision(choice: DebriefChoice, refs: RefIndex, extra = ''): HTMLElement[] {
  return [
    h('p', { class: 'small muted' }, `${actionLabels[choice.action]}${extra}`),
    h('p', {}, h('strong', {}, choice.label)),
    h('p', {}, choice.feedback, refLinks(choice.references, refs)),
  ];
}

export function paths({ learner, expert }: Debrief, refs: RefIndex): HTMLElement {
  return collapsible(
    'paths-heading',
    'Your path and the expert path',
    'paths',
    h('h3', {}, `Your decisions (${learner.length})`),
    h('ol', { class: 'decisions' }, learner.map((s) => h('li', { class: s.onExpertPath ? 'on' : 'off' }, decision(s, refs, ` · ${formatMinute(s.minute)} · ${s.onExpertPath ? '✓ on the expert path' : 'not on the expert path'}`)))),
    h('h3', {}, `The expert path (${expert.length})`),
    h('ol', { class: 'decisions' }, expert.map((c) => h('li', {}, decision(c, refs)))),
  );
}

export function domainScores({ result, criticalActions, criticalErrors }: Debrief, domainNames: Record<string, string>, refs: RefIndex): HTMLElement {
  const notMade = criticalErrors.filter((e) => e.offered && !e.committed);
  const row = (name: string, points: string, percent: string) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, points), h('td', {}, percent));
  return collapsible(
    'scores-heading',
    'Score by domain and critical items',
    'domain-scores',
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col' }, 'Points'), h('th', { scope: 'col' }, 'Percent'))),
        h(
          'tbody',
          {},
          Object.entries(result.domains).map(([d, s]) => row(`${d} ${domainNames[d] ?? ''}`, `${s.points} / ${s.max}`, `${s.percent}%`)),
          row('Total', `${result.total.points} / ${result.total.max}`, `${result.total.percent}%`),
        ),
      ),
    ),
    h('p', { class: 'small muted' }, `Your note scored ${result.note.points} of ${result.note.max} points (in its domain above).`),
    h('h3', {}, 'Critical actions'),
    h('ul', { class: 'plain' }, criticalActions.map((a) => h('li', {}, h('strong', {}, a.done ? '✓ Done: ' : '✗ Missed: '), a.label, refLinks(a.references, refs)))),
    notMade.length > 0 ? [h('h3', {}, 'Critical errors you were offered and did not make'), h('ul', {}, notMade.map((e) => h('li', {}, e.label, refLinks(e.references, refs))))] : [],
  );
}

export function noteComparison(learner: ConsultNote, { expertNote, result }: Debrief): HTMLElement {
  const facts = result.note.facts ?? [];
  return collapsible(
    'note-compare-heading',
    'Your note and the expert note',
    'note-comparison',
    h('p', { class: 'small muted' }, `Your note scored ${result.note.points} of ${result.note.max} points: ${facts.filter((f) => f.found).length} of the ${facts.length} key facts an adequate note records.`),
    h(
      'dl',
      {},
      noteFields.map((f) => {
        const missing = facts.filter((fact) => fact.field === f.name && !fact.found);
        return h(
          'div',
          { class: 'note-field' },
          h('dt', {}, f.label),
          h('dd', {}, h('p', { class: 'small muted' }, 'Yours'), h('p', { class: 'pre' }, learner[f.name])),
          h(
            'dd',
            {},
            h('p', { class: 'small muted' }, 'Expert'),
            h('p', {}, expertNote[f.name]),
            missing.length > 0 ? [h('p', { class: 'small danger' }, 'Missing from yours:'), h('ul', { class: 'small' }, missing.map((m) => h('li', {}, m.fact)))] : [],
          ),
        );
      }),
    ),
  );
}
