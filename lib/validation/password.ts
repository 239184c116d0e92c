import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// New passwords follow NIST SP 800-63B (section 3.1.1.2, "Password Verifiers"): a minimum length,
// no composition rules (no "one digit and one symbol"), and a check against common, expected or
// compromised values, with the reason given. The check is zxcvbn-ts with its common-password and
// keyboard-pattern lists (tens of thousands of leaked passwords): a password it estimates to fall
// within 10^8 guesses (score below 3), or one built from the person's own name or address, is
// refused. This module is loaded on the server only; its dictionaries never reach the browser.

export const MIN_PASSWORD_LENGTH = 12;

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

type Sequence = ReturnType<typeof zxcvbn.check>['sequence'][number];

/** Why a password is guessable, in words, from the pattern that guesses it fastest. */
function reason(sequence: Sequence[]): string {
  const patterns = new Set(sequence.map((m) => (m.pattern === 'dictionary' ? `dictionary:${m.dictionaryName}` : m.pattern)));
  if (patterns.has('dictionary:userInputs')) return 'it is built from your name or e-mail address';
  if (patterns.has('dictionary:passwords-common')) return 'it is on the lists of common and leaked passwords that attackers try first';
  if (patterns.has('spatial')) return 'it is a row or pattern of keys on the keyboard';
  if (patterns.has('sequence')) return 'it is a sequence like abcd or 1234';
  if (patterns.has('repeat')) return 'it repeats the same characters';
  if (patterns.has('date') || patterns.has('regex')) return 'it is mostly a date or a year';
  return 'it is quick for a computer to guess';
}

/**
 * Null when the password may be used; otherwise the message to show. `related` are things an
 * attacker would try first for this person (their name, address).
 */
export function passwordProblem(password: string, related: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words (a passphrase) is easy to remember and hard to guess.`;
  }
  const inputs = related.flatMap((s) => {
    const lower = s.trim().toLowerCase();
    return [lower, lower.replace(/\s+/g, ''), ...lower.split(/\s+/)];
  });
  const result = zxcvbn.check(password.slice(0, 100), [...new Set(inputs)].filter((s) => s.length >= 3));
  if (result.score >= 3) return null;
  return `Choose a harder password: ${reason(result.sequence)}. A few unrelated words (a passphrase) is easy to remember and hard to guess.`;
}
