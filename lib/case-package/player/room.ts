// The consult room: connection and clock, the transcript so far, what is happening now, and the
// choices grouped by what they do. The engine gives the same public view the site's room shows.
import { actionLabels, actionOrder, connectionLabels, formatMinute } from '@/components/consult/labels';
import type { CaseDef } from '@/lib/content/schemas/case';
import type { ConsultState, SpokenLine, TranscriptEntry } from '@/lib/domain/consult/types';
import { consultTranscript } from '@/lib/domain/consult/transcript';
import { consultView } from '@/lib/domain/consult/view';
import { type Child, focusTarget, h } from './dom';

function lines(spoken: readonly SpokenLine[]): HTMLElement[] {
  return spoken.map((l) => h('p', { class: 'line' }, h('strong', {}, `${l.name}${l.role ? ` (${l.role.toLowerCase()})` : ''}: `), l.text));
}

function notices(texts: readonly string[]): HTMLElement[] {
  return texts.map((t) => h('p', { class: 'system' }, `⚠ ${t}`));
}

function shown(show: string | null): Child {
  return show ? h('p', { class: 'show' }, h('em', {}, `On screen: ${show}`)) : null;
}

function transcriptEntry(entry: TranscriptEntry): HTMLElement {
  return h(
    'li',
    {},
    h('p', { class: 'muted small' }, `${formatMinute(entry.minute)} · ${connectionLabels[entry.connection]}`),
    lines(entry.say),
    shown(entry.show),
    entry.choice ? h('p', { class: 'you' }, h('strong', {}, `You (${actionLabels[entry.choice.action]}): `), entry.choice.label) : null,
    lines(entry.reply),
    notices(entry.notices),
  );
}

/** The room at `state`; `onChoice` is called with the id of the choice pressed. */
export function renderRoom(def: CaseDef, state: ConsultState, onChoice: (choiceId: string) => void): HTMLElement {
  const view = consultView(def, state);
  const transcript = consultTranscript(def, state);
  const groups = actionOrder.map((kind) => ({ kind, choices: view.choices.filter((c) => c.action === kind) })).filter((g) => g.choices.length > 0);
  const initials = def.patient.initials ?? def.patient.name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2);
  return h(
    'div',
    { class: 'stack' },
    h('h1', {}, def.title),
    h(
      'div',
      { class: 'call card', 'data-connection': view.connection },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials.toUpperCase()),
      h(
        'p',
        {},
        h('strong', {}, def.patient.name),
        h('br'),
        h('span', { 'data-testid': 'connection' }, connectionLabels[view.connection]),
        ' · ',
        h('span', { 'aria-label': 'Simulated clock' }, formatMinute(view.minute)),
      ),
    ),
    transcript.length > 0
      ? h('section', { 'aria-labelledby': 'transcript-heading' }, h('h2', { id: 'transcript-heading' }, 'So far'), h('ol', { class: 'transcript', 'data-testid': 'transcript' }, transcript.map(transcriptEntry)))
      : null,
    h(
      'section',
      { 'aria-labelledby': 'now-heading', class: 'card now', 'data-testid': 'now' },
      focusTarget('h2', 'now-heading', 'Now'),
      lines(view.reply),
      notices(view.notices),
      lines(view.say),
      shown(view.show),
    ),
    view.ended
      ? null
      : h(
          'section',
          { 'aria-labelledby': 'choices-heading', class: 'stack' },
          h('h2', { id: 'choices-heading' }, 'What do you do?'),
          groups.map((g) =>
            h(
              'section',
              { 'aria-labelledby': `group-${g.kind}`, 'data-action': g.kind },
              h('h3', { id: `group-${g.kind}` }, actionLabels[g.kind]),
              h(
                'ul',
                { class: 'choices' },
                g.choices.map((c) => {
                  const button = h('button', { type: 'button', class: 'btn choice' }, c.label);
                  button.addEventListener('click', () => onChoice(c.id));
                  return h('li', {}, button);
                }),
              ),
            ),
          ),
        ),
  );
}
