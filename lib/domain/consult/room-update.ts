// Kept apart from room.ts so the page's script can merge updates without the domain code that builds rooms.
import type { ConsultRoom } from './room';
import type { TranscriptEntry } from './types';

/**
 * The room after a step: the current node, the participants heard, and the transcript entries from
 * step `from` on (the ones a room drawn at step `from` has not shown in full). A step answers with
 * this instead of the whole room, and `mergeRoom` puts it together on the page.
 */
export type RoomUpdate = Omit<ConsultRoom, 'transcript'> & { from: number; entries: TranscriptEntry[] };

/**
 * What a room drawn at step `from` needs to catch up with `room`: entry `from` (its reply moves from
 * "Now" into the transcript) and every later one. A `from` ahead of the consult (a forged step)
 * sends the entries from the consult's own step.
 */
export function roomUpdate(room: ConsultRoom, from: number): RoomUpdate {
  const start = Math.min(from, room.view.step);
  return { view: room.view, present: room.present, from: start, entries: room.transcript.filter((e) => e.step >= start) };
}

/** The room an update brings a shown room to: its entries before the update's, then the update's. */
export function mergeRoom(shown: ConsultRoom, update: RoomUpdate): ConsultRoom {
  return { view: update.view, present: update.present, transcript: [...shown.transcript.filter((e) => e.step < update.from), ...update.entries] };
}
