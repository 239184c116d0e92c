// Institution names as people type them: "Dow Univ. of Health Sciences, Karachi" and "DOW
// University of Health Sciences" are the same college. Pure.

const abbreviations: Record<string, string> = { univ: 'university', uni: 'university', coll: 'college', med: 'medical', hosp: 'hospital', inst: 'institute', sci: 'sciences', science: 'sciences' };
const filler = new Set(['of', 'the', 'and', '&']);

/** A name reduced to what identifies it: lower case, no punctuation, abbreviations spelled out, filler words dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w && !filler.has(w))
    .map((w) => abbreviations[w] ?? w)
    .join(' ');
}

/** Edit distance between two keys (Levenshtein), bounded: stops counting past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Whether two names probably mean the same institution: the same key, one key the other plus a
 * place ("... karachi"), or keys a few typing slips apart. Suggests a merge to an admin; never merges.
 */
export function nearDuplicate(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.split(' ').length >= 2 && long.startsWith(`${short} `) && long.split(' ').length - short.split(' ').length === 1) return true;
  const slips = Math.max(1, Math.floor(short.length / 8));
  return distance(x, y, slips) <= slips;
}

/** Pairs of near-duplicate names among `items`, each pair once, for an admin to review. */
export function nearDuplicatePairs<T extends { name: string }>(items: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (nearDuplicate(items[i]!.name, items[j]!.name)) pairs.push([items[i]!, items[j]!]);
  return pairs;
}

/** The domain part of an address, lower case ("student@duhs.edu.pk" → "duhs.edu.pk"). */
export function emailDomainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
