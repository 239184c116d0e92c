// Deterministic word matching, shared by the note marking and the content check's spoiler rule.
// Text is compared as words: Unicode NFD with combining marks removed (so "Dāktar" = "daktar"),
// lower case, and every run of characters that are not letters or digits treated as one space.

/** The words of a text, normalised: accents stripped, lower case, punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A text as one normalised string of words separated by single spaces. */
export function normalised(text: string): string {
  return wordsOf(text).join(' ');
}

/**
 * A phrase as a matcher: its words must occur next to each other, in order, as whole words. A word
 * ending in `*` matches any word that starts with it ("refer*" matches "referred" and "referral").
 */
export type Phrase = { words: string[]; prefix: boolean[] };

export function phraseOf(text: string): Phrase {
  const raw = text.trim().split(/\s+/);
  const words: string[] = [];
  const prefix: boolean[] = [];
  for (const token of raw) {
    const star = token.endsWith('*');
    const parts = wordsOf(star ? token.slice(0, -1) : token);
    parts.forEach((part, i) => {
      words.push(part);
      prefix.push(star && i === parts.length - 1);
    });
  }
  return { words, prefix };
}

function matchesAt(haystack: readonly string[], at: number, phrase: Phrase): boolean {
  return phrase.words.every((word, i) => {
    const candidate = haystack[at + i];
    if (candidate === undefined) return false;
    return phrase.prefix[i] ? candidate.startsWith(word) : candidate === word;
  });
}

/** Whether the phrase occurs in these (already normalised) words. An empty phrase never matches. */
export function containsPhrase(haystack: readonly string[], phrase: Phrase): boolean {
  if (phrase.words.length === 0) return false;
  for (let at = 0; at + phrase.words.length <= haystack.length; at++) if (matchesAt(haystack, at, phrase)) return true;
  return false;
}

/** Whether `text` contains `phrase` (a plain string, `*` allowed at the end of a word). */
export function mentions(text: string, phrase: string): boolean {
  return containsPhrase(wordsOf(text), phraseOf(phrase));
}
