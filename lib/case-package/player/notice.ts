// The words every package shows: what it is for, what it is not, and that it holds the answers.
import { h } from './dom';

export const NOTICE_TITLE = 'For your institution’s practice and assessment';

/** The short line at the top of every screen. */
export function noticeBanner(): HTMLElement {
  return h(
    'p',
    { class: 'banner', role: 'note', 'data-testid': 'package-notice' },
    'Institutional practice and assessment only: not a TeleHealth Ready certificate. This file contains the whole case, answers included. The patient is fictional.',
  );
}

/** The full notice on the first screen. */
export function noticeDetails(version: string): HTMLElement {
  return h(
    'section',
    { class: 'notice', 'aria-labelledby': 'notice-heading' },
    h('h2', { id: 'notice-heading' }, NOTICE_TITLE),
    h(
      'p',
      {},
      'This is a TeleHealth Ready virtual-consult case exported to run on its own, without the platform. A result here is for your ',
      'institution’s own teaching and assessment: it does not count towards a TeleHealth Ready certificate, which only cases played on the platform can.',
    ),
    h(
      'p',
      {},
      'The file holds the whole case, including its scoring, the expert path and the expert note, so anyone who opens it with the right tools can read the answers. ',
      'The patient and everyone in the case are fictional.',
    ),
    h('p', { class: 'muted' }, `Case version ${version}.`),
  );
}
