/**
 * A page number from a query string: whole digits only, from 1 to 10,000. Anything else (a
 * negative, a fraction, "1e400", an array) is page 1, so a hand-edited URL never reaches the
 * database as an offset it cannot take.
 */
export function pageParam(raw: unknown, max = 10_000): number {
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(max, Math.max(1, Number(raw)));
}
