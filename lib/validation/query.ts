/**
 * A page number from a query string: whole digits only, from 1 to 10,000. Anything else (a
 * negative, a fraction, "1e400", an array) is page 1, so a hand-edited URL never reaches the
 * database as an offset it cannot take.
 */
export function pageParam(raw: unknown, max = 10_000): number {
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(max, Math.max(1, Number(raw)));
}

/**
 * Search text from a query string: a string, at most `max` characters, with control characters
 * (NUL above all, which PostgreSQL refuses in text) and hidden direction marks removed, so a
 * hand-edited URL searches for what can be seen.
 */
export function searchParam(raw: unknown, max = 100): string {
  if (typeof raw !== 'string') return '';
  return raw
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '')
    .normalize('NFC')
    .trim()
    .slice(0, max);
}

/**
 * A calendar day from a query string ("2026-12-07", UTC), or null when absent; `invalid` when
 * something else was sent, so a filter can say it ignored it rather than guess.
 */
export function dayParam(raw: unknown): { day: Date | null; invalid: boolean } {
  if (raw === undefined || raw === '') return { day: null, invalid: false };
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { day: null, invalid: true };
  const day = new Date(`${raw}T00:00:00.000Z`);
  // Date rolls "2026-02-30" over to March: only a day that reads back the same is a day.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== raw) return { day: null, invalid: true };
  return { day, invalid: false };
}
