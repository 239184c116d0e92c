// The player's entry point: reads the case from the page, plays it with the site's own engine
// (lib/domain/consult), and, inside an LMS, reports the result through the SCORM 1.2 API.
import type { ConsultNote } from '@/lib/content/schemas/case';
import { buildDebrief } from '@/lib/domain/consult/debrief';
import { finishConsult } from '@/lib/domain/consult/score';
import { startConsult } from '@/lib/domain/consult/state';
import { stepConsult } from '@/lib/domain/consult/step';
import type { ConsultState } from '@/lib/domain/consult/types';
import { DATA_ELEMENT_ID, type PackageData } from '../package-data';
import { type ScormSession, findScormApi, startScormSession } from '../scorm-api';
import { renderBrief } from './brief';
import { renderDebrief } from './debrief';
import { moveFocus } from './dom';
import { renderNote } from './note';
import { noticeBanner } from './notice';
import { renderRoom } from './room';

function readData(): PackageData {
  const text = document.getElementById(DATA_ELEMENT_ID)?.textContent;
  if (!text) throw new Error('This package has no case in it.');
  return JSON.parse(text);
}

const data = readData();
const def = data.case;
const app = document.getElementById('app') ?? document.body;
const api = findScormApi(window);
const session: ScormSession | null = api ? startScormSession(api, () => Date.now()) : null;
let sent: string | null = null;

function lmsStatus(): string {
  if (sent !== null) return sent;
  if (session?.connected) return 'Your LMS is recording this attempt: when you finish the note, it receives your score and whether you passed.';
  if (api) return 'An LMS was found but did not open a session: this attempt is not recorded.';
  return 'Playing on its own: no LMS is recording this attempt.';
}

function show(screen: string, content: HTMLElement, focusId: string): void {
  document.body.dataset.screen = screen;
  app.replaceChildren(noticeBanner(), content);
  moveFocus(document.getElementById(focusId));
}

function play(state: ConsultState, focusId = 'now-heading'): void {
  const room = renderRoom(def, state, (choiceId) => {
    const stepped = stepConsult(def, state, choiceId);
    play(stepped.ok ? stepped.state : state);
  });
  if (state.ended) room.append(renderNote((note) => finish(state, note)));
  show('room', room, focusId);
}

function finish(state: ConsultState, note: ConsultNote): void {
  const finished = finishConsult(def, state, note);
  if (!finished.ok) return;
  const { result } = finished;
  if (session?.connected && sent === null) {
    session.report({ passed: result.passed, percent: result.total.percent });
    sent = `Sent to your LMS: score ${result.total.percent}%, ${result.passed ? 'passed' : 'not passed'}. Playing again here is practice: it is not sent.`;
  }
  const debrief = buildDebrief(def, state, result);
  show('debrief', renderDebrief(data, debrief, note, lmsStatus(), () => play(startConsult(def))), 'result-heading');
}

// Leaving before the note is in: the LMS keeps the attempt as incomplete.
window.addEventListener('pagehide', () => session?.leave());

document.title = `${def.title} · virtual consult`;
show('brief', renderBrief(data, lmsStatus(), () => play(startConsult(def))), 'screen-heading');
