// What the Moodle XML and GIFT writers share: Moodle's fractions for a key, the media a bank
// shows, and the question text a vignette becomes.
import type { MultipleResponse, QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import { mediaUrls } from './markdown';

/** The only fractions Moodle's importers accept (question/format.php, get_grade_options), in percent. */
const MOODLE_FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5];

/** Moodle's fraction for one of n equal shares, or undefined when Moodle has none (11 to 19 right options, or more than 20). */
export function shareFraction(n: number): string | undefined {
  const share = MOODLE_FRACTIONS.find((f) => Math.abs(f - 100 / n) < 1e-4);
  return share === undefined ? undefined : String(share);
}

/** Each option's fraction in Moodle, so Moodle scores the question as this bank does; a note when it cannot. */
export function optionFractions(q: QuestionDef, policy: MultipleResponse): { fractions: string[]; note?: string } | { refused: string } {
  if (q.type !== 'multiple') return { fractions: q.options.map((o) => (q.key.includes(o.id) ? '100' : '0')) };
  const share = shareFraction(q.key.length);
  if (share === undefined) return { refused: `${q.key.length} right options: Moodle has no fraction for an equal share` };
  // A wrong tick cancels one right one ('partial'), costs nothing ('no-penalty'), or zeroes the mark ('all-or-nothing', which Moodle's multichoice only approximates).
  const wrong = { partial: `-${share}`, 'no-penalty': '0', 'all-or-nothing': '-100' }[policy];
  const note = policy === 'all-or-nothing' ? 'all-or-nothing: in Moodle a wrong tick zeroes the mark, but right ticks alone still earn part marks' : undefined;
  return { fractions: q.options.map((o) => (q.key.includes(o.id) ? share : wrong)), ...(note ? { note } : {}) };
}

/** A vignette question's text in Moodle, which has no separate scenario: the scenario, then the question. */
export function stemWithVignette(q: QuestionDef): string {
  return q.vignette === undefined ? q.stem : `${q.vignette}\n\n${q.stem}`;
}

/** Every local media URL the bank shows (stems, scenarios, options, rationales): what an export must carry. */
export function bankMediaUrls(bank: QuizDef): string[] {
  const texts = bank.questions.flatMap((q) => [q.vignette ?? '', q.stem, q.rationale, ...q.options.map((o) => o.text)]);
  return [...new Set(texts.flatMap(mediaUrls))];
}
