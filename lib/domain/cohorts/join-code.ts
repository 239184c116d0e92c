// Join codes: short enough to read out in a lecture hall, long enough not to be guessed.

/** Letters and digits that survive being read aloud or handwritten: no 0/O, 1/I/L, 5/S, 8/B, 2/Z. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** 10 characters of a 25-letter alphabet: about 46 bits, far beyond guessing through a rate-limited form. */
export const JOIN_CODE_LENGTH = 10;

/**
 * A join code from random bytes (the caller brings them: this module holds no randomness). Bytes at
 * or above the largest multiple of the alphabet's size are skipped so every letter is equally likely;
 * returns null when the bytes run out first (ask again with more).
 */
export function joinCodeFromBytes(bytes: Uint8Array): string | null {
  const n = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += JOIN_CODE_ALPHABET[b % n];
    if (code.length === JOIN_CODE_LENGTH) return code;
  }
  return null;
}

/** A code as shown to people: two groups of five, "ACDEF-GHJKM". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A typed code made comparable: spaces and dashes dropped, upper case. */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
