// Which script a text is written in, and how Urdu text with English words inside it is split for
// bidi isolation. Pure.

/** The Arabic-script blocks Urdu is written in (Arabic, its supplement and presentation forms). */
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_LETTERS = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/gu;

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/**
 * Urdu in Arabic script: it has Arabic-script letters, and more of them than Latin letters (an
 * English drug name or "ECG" may sit inside a sentence; a sentence in English may not).
 */
export function isUrduScript(text: string): boolean {
  const arabic = count(text, ARABIC_LETTERS);
  return arabic > 0 && arabic > count(text, LATIN_LETTERS);
}

/** Roman Urdu: Latin letters, and nothing in Arabic script. */
export function isRomanUrdu(text: string): boolean {
  return count(text, LATIN_LETTERS) > 0 && !ARABIC_LETTER.test(text);
}

/** A piece of an Urdu line: Urdu (or neutral) text, or a run of Latin script to isolate as left-to-right. */
export type BidiRun = { latin: boolean; text: string };

/** A run of Latin words, with the digits, spaces and joining punctuation between them ("ECG", "Rescue 1122", "www.example.pk/x"). */
const LATIN_RUN = /[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F0-9.:/@_+-]|\s(?=[A-Za-z\u00C0-\u024F0-9]))*/gu;

/**
 * Splits an Urdu line into runs so that each Latin run can be isolated (`<bdi dir="ltr">`): a run
 * starts with a Latin letter and takes the digits and joining punctuation inside it, so "Rescue 1122"
 * stays in reading order. Digits standing alone stay in the Urdu text (the bidi algorithm places them).
 */
export function bidiRuns(text: string): BidiRun[] {
  const runs: BidiRun[] = [];
  let at = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    const start = match.index;
    if (!/[A-Za-z\u00C0-\u024F]/u.test(match[0])) continue;
    if (start > at) runs.push({ latin: false, text: text.slice(at, start) });
    runs.push({ latin: true, text: match[0] });
    at = start + match[0].length;
  }
  if (at < text.length) runs.push({ latin: false, text: text.slice(at) });
  return runs;
}

/** A stage direction that opens an English line, "(chewing) It is bitter." → "chewing", else null. */
export function stageDirection(text: string): string | null {
  const m = /^\(([^)]+)\)/.exec(text.trim());
  return m ? m[1]!.trim() : null;
}
