import type { ChoiceAction, Connection, DomainId, NoteField, Outcome } from '@/lib/content/schemas/case';

/** One choice the learner made, in order. */
export type PathEntry = {
  step: number;
  nodeId: string;
  choiceId: string;
  minute: number;
  connectionBefore: Connection;
};

/** A timed connection event that fired, by its index in the case's `events`, and the step it fired on. */
export type FiredEvent = { index: number; step: number };

/** Where a learner is in a case. Plain JSON: it is stored as jsonb. */
export type ConsultState = {
  nodeId: string;
  step: number;
  minute: number;
  connection: Connection;
  flags: string[];
  scores: Record<string, number>;
  taken: string[];
  path: PathEntry[];
  events: FiredEvent[];
  ended: boolean;
};

/** A system line to show the learner (a connection event). */
export type ConsultMessage = { text: string; connection: Connection };

/** Why a step was refused. */
export type StepError = 'unknown_choice' | 'not_available' | 'ended';

export type StepResult =
  | { ok: true; state: ConsultState; messages: ConsultMessage[] }
  | { ok: false; error: StepError };

/** The public view of a choice: nothing about where it leads or what it scores. */
export type PublicChoice = { id: string; label: string; action: ChoiceAction };

/** A line as the learner sees it: who said it, by name and role, and the words in Urdu when the case gives them. */
export type SpokenLine = { who: string; name: string; role: string; text: string; ur?: { script: string; roman: string } };

/** What the browser may see of a running consult. */
export type ConsultView = {
  step: number;
  minute: number;
  connection: Connection;
  participants: { id: string; name: string; role: string }[];
  /** The answer to the choice just taken (its `reply`), before anything the node says. */
  reply: SpokenLine[];
  /** The node's lines; empty after a question that looped back to it, since they were already said. */
  say: SpokenLine[];
  show: string | null;
  notices: string[];
  choices: PublicChoice[];
  ended: boolean;
};

/** One choice taken, as the transcript shows it: what was said at its node, the choice and the reply. */
export type TranscriptEntry = {
  step: number;
  minute: number;
  connection: Connection;
  say: SpokenLine[];
  show: string | null;
  choice: { label: string; action: ChoiceAction } | null;
  reply: SpokenLine[];
  notices: string[];
};

/** One key fact of a note field, and whether the learner's note stated it. */
export type NoteFactResult = { field: NoteField; id: string; fact: string; found: boolean };

/**
 * How a learner's note was marked. `missing`: the fields that earned nothing. `facts` (absent from
 * results graded before notes were marked on content, when a field counted once it was filled in):
 * every key fact, found or not, as the case stated it when the note was graded.
 */
export type NoteScore = { points: number; max: number; missing: NoteField[]; facts?: NoteFactResult[] };

export type DomainScore = { points: number; max: number; percent: number };

/** The graded outcome of a finished consult. */
export type ConsultResult = {
  domains: Partial<Record<DomainId, DomainScore>>;
  total: DomainScore;
  note: NoteScore;
  criticalActions: { done: string[]; missed: string[] };
  criticalErrors: string[];
  outcome: Outcome;
  passed: boolean;
};

export type FinishResult = { ok: true; result: ConsultResult } | { ok: false; error: 'not_ended' };
