// What the Moodle XML and GIFT readers produce, in one shape, and the plain data of the question
// types that are not imported: the readers decide what a question says, bank.ts what it becomes.
import type { MediaFile } from './media';

/** One option as Moodle holds it: its text (Markdown), its fraction of the mark (-100..100) and its feedback (Markdown). */
export type ImportedChoice = { text: string; fraction: number; feedback: string };

/** A question the platform can hold: a choice question (one answer or several) or true/false. */
export type ImportedQuestion = {
  /** Moodle's question name, or the GIFT title: the question id is made from it. */
  name: string;
  kind: 'choice' | 'true-false';
  /** One answer only (Moodle `single`); true/false is always single. */
  single: boolean;
  stem: string;
  generalFeedback: string;
  /** For true/false: exactly two choices, True then False. */
  choices: ImportedChoice[];
  /** The category path and Moodle's own tags. */
  tags: string[];
  /** What the question had that the bank cannot keep (hints, combined feedback, dropped images…). */
  notes: string[];
};

/** A question left out, with its name, its Moodle type and why. */
export type SkippedQuestion = { name: string; type: string; reason: string };

/** Everything read from one file. */
export type ImportedFile = { questions: ImportedQuestion[]; skipped: SkippedQuestion[]; media: MediaFile[] };

/** Why each Moodle question type has no equivalent among the platform's question types (single, multiple, true-false, vignette). */
export const SKIP_REASONS: Record<string, string> = {
  multianswer: 'cloze (embedded answers) has no equivalent: a platform question has one stem and one set of options',
  cloze: 'cloze (embedded answers) has no equivalent: a platform question has one stem and one set of options',
  essay: 'an essay is marked by hand; the platform grades every question automatically',
  match: 'matching has no equivalent: a platform question chooses among options',
  randomsamatch: 'random short-answer matching has no equivalent: a platform question chooses among options',
  shortanswer: 'short answer needs a typed response; platform questions choose among options',
  numerical: 'numerical needs a typed number; platform questions choose among options',
  calculated: 'calculated questions need a typed number; platform questions choose among options',
  calculatedsimple: 'calculated questions need a typed number; platform questions choose among options',
  calculatedmulti: 'calculated multichoice computes its options from random values; platform options are fixed text',
  ddwtos: 'drag-and-drop has no equivalent: a platform question chooses among options',
  ddimageortext: 'drag-and-drop has no equivalent: a platform question chooses among options',
  ddmarker: 'drag-and-drop has no equivalent: a platform question chooses among options',
  gapselect: 'select-missing-words has no equivalent: a platform question has one stem and one set of options',
  description: 'a description is text, not a question',
  random: 'a random question is a Moodle quiz slot, not a question',
};

/** The reason a question type is skipped, for types named in SKIP_REASONS and any other. */
export function skipReason(type: string): string {
  return SKIP_REASONS[type] ?? `question type "${type}" is not supported`;
}

/** A Moodle category path as a tag: Moodle's context prefix ($course$, $system$, …) and its root category "top" say nothing about the question. */
export function categoryTag(path: string): string | undefined {
  const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
  if (parts[0]?.startsWith('$') && parts[0].endsWith('$')) parts.shift();
  if (parts[0] === 'top') parts.shift();
  return parts.length > 0 ? parts.join('/') : undefined;
}
