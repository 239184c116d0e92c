// Roster CSV: a list of emails (optionally with other columns) validated as a whole. Pure.
import { z } from 'zod';

/** Largest roster accepted in one file. */
export const ROSTER_MAX_ROWS = 10_000;

export type RosterRow = { line: number; email: string };
export type RosterError = { line: number; message: string };
export type RosterParse = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

const emailSchema = z.email();

/** Splits one CSV line into cells (RFC 4180 quotes, `""` for a quote); null when a quote is left open. */
function splitLine(line: string, delimiter: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** Spreadsheets in many locales save with semicolons; the first line decides. */
function delimiterOf(firstLine: string): string {
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/**
 * Parses a roster. A first line with an "email" cell is a header naming the email column;
 * otherwise the email is the first column. Blank lines are skipped. Every row is checked (email
 * format, duplicates, case-insensitively) and every problem reported with its line number (from 1),
 * so the instructor fixes the file once; rows are returned only when there is no problem at all.
 */
export function parseRoster(csv: string): RosterParse {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { ok: false, errors: [{ line: 1, message: 'The file is empty: put one email per line.' }] };
  const delimiter = delimiterOf(lines[first] ?? '');
  const header = splitLine(lines[first] ?? '', delimiter);
  const headerColumn = header?.findIndex((c) => c.toLowerCase() === 'email' || c.toLowerCase() === 'e-mail') ?? -1;
  const column = Math.max(headerColumn, 0);
  const start = headerColumn >= 0 ? first + 1 : first;

  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  const seen = new Map<string, number>();
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const line = i + 1;
    const cells = splitLine(text, delimiter);
    if (cells === null) {
      errors.push({ line, message: 'A quote is opened and never closed.' });
      continue;
    }
    const raw = cells[column] ?? '';
    if (raw === '') {
      errors.push({ line, message: 'The email is missing.' });
      continue;
    }
    const email = raw.toLowerCase();
    if (!emailSchema.safeParse(email).success) {
      errors.push({ line, message: `"${raw}" is not a valid email address.` });
      continue;
    }
    const earlier = seen.get(email);
    if (earlier !== undefined) {
      errors.push({ line, message: `${email} is already on line ${earlier}.` });
      continue;
    }
    seen.set(email, line);
    rows.push({ line, email });
  }
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: [{ line: first + 1, message: 'The file has a header but no emails.' }] };
  if (rows.length + errors.length > ROSTER_MAX_ROWS) {
    errors.unshift({ line: 1, message: `The file has more than ${ROSTER_MAX_ROWS.toLocaleString('en')} rows; split it.` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
