'use client';
import { useState } from 'react';
import type { FormState } from '@/components/forms/form-state';
import type { ConsultRoom } from '@/lib/domain/consult/room';
import { type RoomUpdate, mergeRoom } from '@/lib/domain/consult/room-update';
import { ConnectionLost, useOffline } from '@/components/offline/ConnectionLost';
import type { PatientLinesMode } from '@/lib/domain/language/patient-lines';
import { ChoiceGroups } from './ChoiceGroups';
import { ConnectionIndicator } from './ConnectionIndicator';
import { FocusHeading } from './FocusHeading';
import { formatMinute } from './labels';
import { Lines, Notice, Show } from './Lines';
import { NoteForm } from './NoteForm';
import { PatientTile } from './PatientTile';
import { Transcript } from './Transcript';

type Props = {
  caseId: string;
  attemptId: string;
  patient: { name: string; age: string; sex: string; initials?: string };
  /** The room as the server drew it; a step's answer updates it here (the page's `key` resets it when the server draws a new one). */
  initial: ConsultRoom;
  noteMaxLength: number;
  /** How the patient's words are shown: English, Urdu or both (the learner's choice on this device). */
  mode: PatientLinesMode;
  /** Takes a choice: answers a script's call with what changed (or sends the page elsewhere). */
  step: (formData: FormData) => Promise<RoomUpdate | undefined>;
  finish: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * The live part of the consult room: the call, the transcript, what is happening now and the
 * choices. After a choice the server sends only what changed and it is drawn here, so a step does not
 * cost a render of the whole room; without JavaScript each choice is a plain form post and the room
 * is loaded again.
 */
export function LiveRoom({ caseId, attemptId, patient, initial, noteMaxLength, mode, step, finish }: Props) {
  const [room, setRoom] = useState(initial);
  // A step that could not be sent (the link dropped): said in place of the choices, which come back
  // (a fresh set, so nothing stays "Sending…") when the learner tries again. Nothing was taken.
  const [lost, setLost] = useState(0);
  const [failed, setFailed] = useState(false);
  // Anything else the step's call threw (the attempt is not this learner's: not found; a server
  // error) is thrown again while rendering, so the page's not-found or error boundary shows it, as
  // it did when a step was a navigation.
  const [thrown, setThrown] = useState<{ error: unknown } | null>(null);
  if (thrown) throw thrown.error;
  const offline = useOffline();
  const { view, transcript, present } = room;
  const take = async (formData: FormData) => {
    let update: RoomUpdate | undefined;
    try {
      update = await step(formData);
    } catch (error) {
      if (!navigator.onLine || /failed to fetch|network|load failed/i.test(String(error))) {
        setFailed(true);
        return;
      }
      setThrown({ error });
      return;
    }
    if (update) setRoom((shown) => mergeRoom(shown, update));
  };
  return (
    <>
      {/* The call stays in view while the learner scrolls the transcript. */}
      <header className="sticky top-0 z-10 -mx-1 bg-paper px-1 py-1" aria-label="Call status">
        <PatientTile patient={patient} connection={view.connection} participants={present}>
          <ConnectionIndicator connection={view.connection} />
          <p className="m-0 text-sm" data-testid="clock">
            <span className="text-gray-300">Simulated time </span>
            <time className="font-mono font-semibold">{formatMinute(view.minute)}</time>
          </p>
        </PatientTile>
      </header>
      <Transcript entries={transcript} mode={mode} />
      <section key={view.step} id="now" aria-labelledby="now-heading" className="stack rounded-lg border-2 border-brand bg-white p-3">
        <FocusHeading id="now-heading" className="m-0 scroll-mt-44 text-lg">
          {view.ended ? 'The consult has ended' : `Now · ${formatMinute(view.minute)}`}
        </FocusHeading>
        {view.notices.map((text) => (
          <Notice key={text} text={text} />
        ))}
        <div className="space-y-2" data-testid="current-lines">
          <Lines lines={view.reply} mode={mode} />
          <Lines lines={view.say} mode={mode} />
          <Show text={view.show} />
        </div>
      </section>
      {failed ? (
        <ConnectionLost
          offline={offline}
          onRetry={() => {
            setFailed(false);
            setLost((n) => n + 1);
          }}
        />
      ) : view.ended ? (
        <NoteForm caseId={caseId} attemptId={attemptId} maxLength={noteMaxLength} action={finish} />
      ) : (
        <ChoiceGroups key={`choices-${view.step}-${lost}`} caseId={caseId} attemptId={attemptId} step={view.step} choices={view.choices} action={step} onChoose={take} />
      )}
    </>
  );
}
