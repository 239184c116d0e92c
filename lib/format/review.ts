import type { LearnerLine } from '@/lib/domain/review';

// Sign-offs are dated as the people who read them live: in Pakistan.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Karachi' });

/** A review date: 4 March 2027. */
export const formatReviewDate = (d: Date) => day.format(d);

/** The line learners read under a lesson's or a case's title. */
export function learnerLineText(line: LearnerLine): string {
  return line ? `Clinically reviewed by ${line.reviewedBy} on ${formatReviewDate(line.on)}` : 'Awaiting clinical review';
}

/** What learners read beside Urdu lines or phrases: who signed off the translation, or that it is a draft. */
export function translationLineText(line: LearnerLine): string {
  return line ? `Urdu reviewed by ${line.reviewedBy}, a native speaker, on ${formatReviewDate(line.on)}` : 'Urdu: draft awaiting review by a native speaker';
}
