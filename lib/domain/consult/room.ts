import type { CaseDef } from '@/lib/content/schemas/case';
import { consultTranscript } from './transcript';
import type { ConsultState, ConsultView, TranscriptEntry } from './types';
import { consultView } from './view';

/**
 * What the consult room shows, all from the public view and the transcript (never an unreached
 * branch, a score or the rubric): the current node, the transcript, and the participants heard so far
 * (the rest of the cast is not revealed before they speak).
 */
export type ConsultRoom = { view: ConsultView; transcript: TranscriptEntry[]; present: ConsultView['participants'] };

/**
 * The room for a consult state. The latest choice's reply and connection events are shown under
 * "Now", so its transcript entry leaves them out.
 */
export function consultRoom(caseDef: CaseDef, state: ConsultState): ConsultRoom {
  const view = consultView(caseDef, state);
  const full = consultTranscript(caseDef, state);
  const heard = new Set([...full.flatMap((e) => [...e.say, ...e.reply]), ...view.say, ...view.reply].map((line) => line.who));
  const transcript = full.map((e) => (e.step === view.step ? { ...e, reply: [], notices: [] } : e));
  return { view, transcript, present: view.participants.filter((p) => heard.has(p.id)) };
}
