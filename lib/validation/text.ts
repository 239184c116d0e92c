import { z } from 'zod';

// What people type into names, institutions, reasons and notes. Text is stored as it will be shown
// on certificates, rosters and audit logs, so it is normalised (Unicode NFC: one encoding for each
// visible letter) and characters that change how text looks without being seen are refused:
// bidirectional overrides and isolates (they can reverse what a reader sees, "Trojan Source"),
// zero-width spaces and joiners other than ZWNJ/ZWJ (which Urdu and other scripts need), control
// characters (NUL included), and line breaks where a single line is expected.

/** Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Invisible characters that are not needed by any script: zero-width space, word joiner, BOM, soft hyphen, and the like. */
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/u;
/** C0 and C1 control characters except tab, line feed and carriage return (handled per field). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/u;
/** A letter, digit or symbol: something visible that a mark can sit on. */
const BASE = /[\p{L}\p{N}\p{S}\p{P}]/u;

export type TextProblem = 'bidi' | 'invisible' | 'control' | 'line-break' | 'no-base';

/** What is wrong with a piece of text (already normalised), or null. */
export function textProblem(value: string, options: { multiline: boolean }): TextProblem | null {
  if (CONTROL.test(value)) return 'control';
  if (!options.multiline && (LINE_BREAK.test(value) || value.includes('\t'))) return 'line-break';
  if (BIDI_CONTROLS.test(value)) return 'bidi';
  if (INVISIBLE.test(value)) return 'invisible';
  if (value !== '' && (!BASE.test(value) || /^\p{M}/u.test(value))) return 'no-base';
  return null;
}

const messages: Record<TextProblem, (label: string) => string> = {
  control: (label) => `${label} contains a control character; type it again without pasting.`,
  'line-break': (label) => `${label} must be on one line.`,
  bidi: (label) => `${label} contains a hidden text-direction character; type it again without pasting.`,
  invisible: (label) => `${label} contains an invisible character (such as a zero-width space); type it again without pasting.`,
  'no-base': (label) => `${label} must contain letters or digits.`,
};

/** Normalises line endings and Unicode form, and trims. */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

interface TextOptions {
  /** The field's name in messages, capitalised ("Your name"). */
  label: string;
  min?: number;
  max: number;
  /** Whether line breaks are allowed (reasons and notes); names never. */
  multiline?: boolean;
  /** The message for an empty or too-short value. */
  required?: string;
}

/** A text field: normalised, then checked for length and for characters that do not belong in it. */
export function textField({ label, min = 0, max, multiline = false, required }: TextOptions) {
  return z
    .string({ error: required ?? `Enter ${label.toLowerCase()}.` })
    .max(max * 4, `${label} must be at most ${max} characters.`)
    .transform(normaliseText)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, { multiline });
      if (problem) {
        ctx.addIssue({ code: 'custom', message: messages[problem](label) });
        return;
      }
      const length = [...value].length;
      if (length < min) ctx.addIssue({ code: 'custom', message: required ?? `${label} must be at least ${min} characters.` });
      else if (length > max) ctx.addIssue({ code: 'custom', message: `${label} must be at most ${max} characters.` });
    });
}

/** An optional text field: empty becomes null. */
export function optionalTextField(options: TextOptions) {
  return textField(options)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
}

/**
 * A calendar date typed as YYYY-MM-DD that exists: 2027-02-31 is refused, not rolled over to
 * 3 March. Returns the same string.
 */
export const calendarDate = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => {
      const [y = 0, m = 0, d = 0] = v.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }, 'That date does not exist; check the day and month.');
