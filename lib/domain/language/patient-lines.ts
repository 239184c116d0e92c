// How the learner reads a patient's words in the consult room. Pure.

/** English only, Urdu (script, with Roman Urdu beneath), or both. */
export const patientLinesModes = ['en', 'ur', 'both'] as const;
export type PatientLinesMode = (typeof patientLinesModes)[number];

/** The cookie that remembers the choice on this device (readable without script, sent with every room request). */
export const PATIENT_LINES_COOKIE = 'patient-lines';

/** The mode a cookie or form value names; anything else is English, the curriculum's language. */
export function parsePatientLines(value: string | undefined | null): PatientLinesMode {
  return patientLinesModes.find((m) => m === value) ?? 'en';
}

/** What a line shows in a mode: the English, the Urdu, or both (a line without Urdu always shows its English). */
export function lineParts(mode: PatientLinesMode, hasUrdu: boolean): { english: boolean; urdu: boolean } {
  if (!hasUrdu || mode === 'en') return { english: true, urdu: false };
  return { english: mode === 'both', urdu: true };
}
