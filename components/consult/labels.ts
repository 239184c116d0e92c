// Words the consult screens use for the case format's enums, in one place.
import type { ChoiceAction, Connection, ConsultNote, Outcome } from '@/lib/content/schemas/case';
import type { CaseStatus } from '@/db/queries/consult-records';

/** The order in which the room groups choices: history, examination, then decisions, then the call itself. */
export const actionOrder: readonly ChoiceAction[] = ['ask', 'examine', 'explain', 'counsel', 'manage', 'refer', 'prescribe', 'technology', 'close'];

export const actionLabels: Record<ChoiceAction, string> = {
  ask: 'Ask',
  examine: 'Examine',
  explain: 'Explain',
  counsel: 'Counsel',
  manage: 'Manage',
  refer: 'Refer',
  prescribe: 'Prescribe',
  technology: 'Technology',
  close: 'Close',
};

export const connectionLabels: Record<Connection, string> = {
  video: 'Video',
  frozen: 'Video frozen',
  audio: 'Audio only',
  dropped: 'Call dropped',
  sms: 'SMS only',
};

export const modalityLabels: Record<'video' | 'audio' | 'sms', string> = {
  video: 'Starts on video',
  audio: 'Audio call',
  sms: 'Text messages',
};

export const outcomeLabels: Record<Outcome, string> = {
  good: 'Good outcome',
  partial: 'Partly safe outcome',
  unsafe: 'Unsafe outcome',
};

export const statusLabels: Record<CaseStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  passed: 'Passed',
  failed: 'Not passed',
};

/** The note's fields with what each asks for, without hinting at this case's answers. */
export const noteFields: readonly { name: keyof ConsultNote; label: string; hint: string }[] = [
  { name: 'modality', label: 'Modality', hint: 'How you consulted, and any change of channel during the call.' },
  { name: 'location', label: "Patient's location", hint: 'Where the patient was at the time of the call.' },
  { name: 'consent', label: 'Consent', hint: 'How consent was obtained, from whom, and what they agreed to.' },
  { name: 'present', label: 'Who was present', hint: 'Everyone on the call or in the room with the patient.' },
  { name: 'findings', label: 'Findings', hint: 'History, what was examined and how, and the limits of a remote assessment.' },
  { name: 'plan', label: 'Plan', hint: 'What you decided, arranged and handed over.' },
  { name: 'safetyNet', label: 'Safety-net and follow-up', hint: 'What to watch for, what to do then, and when you will follow up.' },
];

/** mm:ss of the simulated clock. */
export function formatMinute(minute: number): string {
  const seconds = Math.round(minute * 60);
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
