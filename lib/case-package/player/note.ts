// The teleconsult note: seven short fields, each required, nothing filled in for the learner.
import { noteFields } from '@/components/consult/labels';
import type { ConsultNote } from '@/lib/content/schemas/case';
import { h, moveFocus } from './dom';

/** Longest a field may be, as on the site (lib/domain/consult/stored.ts NOTE_FIELD_MAX). */
export const NOTE_MAX = 2000;

function readNote(form: HTMLFormElement): { note: ConsultNote; empty: string[] } {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const note: ConsultNote = {
    modality: value('modality'),
    location: value('location'),
    consent: value('consent'),
    present: value('present'),
    findings: value('findings'),
    plan: value('plan'),
    safetyNet: value('safetyNet'),
  };
  return { note, empty: noteFields.filter((f) => note[f.name] === '').map((f) => f.name) };
}

/** The note form; `onSubmit` gets the note once every field is written. */
export function renderNote(onSubmit: (note: ConsultNote) => void): HTMLElement {
  const form = h('form', { class: 'card stack', novalidate: true, 'aria-labelledby': 'note-heading' });
  form.append(
    h('h2', { id: 'note-heading', tabindex: -1 }, 'Write your teleconsult note'),
    h('p', { class: 'muted' }, 'The consult has ended. Write the note you would keep in the record. It is scored on the key facts it records, then you see the debrief.'),
    ...noteFields.map((f) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: `note-${f.name}` }, f.label),
        h('p', { id: `note-${f.name}-hint`, class: 'hint' }, f.hint),
        h('textarea', { id: `note-${f.name}`, name: f.name, rows: f.name === 'findings' || f.name === 'plan' ? 4 : 2, maxlength: NOTE_MAX, required: true, 'aria-describedby': `note-${f.name}-hint` }),
        h('p', { id: `note-${f.name}-error`, class: 'field-error', hidden: true }, 'Write this part of the note; if it does not apply, say why.'),
      ),
    ),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Finish and see the debrief'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { note, empty } = readNote(form);
    for (const f of noteFields) {
      const missing = empty.includes(f.name);
      form.querySelector(`#note-${f.name}`)?.setAttribute('aria-invalid', String(missing));
      form.querySelector(`#note-${f.name}`)?.setAttribute('aria-describedby', `note-${f.name}-hint${missing ? ` note-${f.name}-error` : ''}`);
      form.querySelector<HTMLElement>(`#note-${f.name}-error`)?.toggleAttribute('hidden', !missing);
    }
    if (empty.length > 0) moveFocus(form.querySelector<HTMLElement>(`#note-${empty[0]}`));
    else onSubmit(note);
  });
  return form;
}
