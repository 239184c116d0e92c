// The first screen: the notice, the case brief (what the clinician would know before the call) and Start.
import { modalityLabels } from '@/components/consult/labels';
import type { PackageData } from '../package-data';
import { focusTarget, h } from './dom';
import { noticeDetails } from './notice';

/** The brief, as the site's brief page shows it: nothing of the diagnosis or the plan. */
export function renderBrief(data: PackageData, lmsStatus: string, onStart: () => void): HTMLElement {
  const def = data.case;
  const complainant = def.participants.find((p) => p.id === def.brief.complaint.who);
  const start = h('button', { type: 'button', class: 'btn btn-primary' }, 'Start the consult');
  start.addEventListener('click', onStart);
  const row = (term: string, ...detail: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...detail)];
  return h(
    'div',
    { class: 'stack' },
    h('header', { class: 'stack' }, focusTarget('h1', 'screen-heading', def.title), h('p', { class: 'lead' }, def.summary)),
    noticeDetails(data.version),
    h(
      'dl',
      { class: 'card facts', 'data-testid': 'brief' },
      row('Patient', `${def.patient.name}, ${def.patient.age}, ${def.patient.sex}`),
      row('Setting', def.setting),
      row('With them', def.brief.present),
      row('In their words', h('q', {}, def.brief.complaint.text), complainant ? ` (${complainant.name}, ${complainant.role.toLowerCase()})` : ''),
      def.language ? row('Language', def.language) : [],
      row('Modality', modalityLabels[def.modality]),
      row('Time', `About ${def.minutes} minutes`),
    ),
    h(
      'section',
      { 'aria-labelledby': 'how-heading', class: 'stack' },
      h('h2', { id: 'how-heading' }, 'How it works'),
      h(
        'p',
        {},
        'You are the clinician on the call. At each moment choose what to do; the patient and the people with them answer, and the connection changes as it would in real life. ',
        'At the end you write a short teleconsult note, marked on the key facts it records; then the debrief shows how it went for the patient, what an expert would have done, and why.',
      ),
      h('p', { 'data-testid': 'lms-status' }, lmsStatus),
    ),
    h('p', {}, start),
  );
}
