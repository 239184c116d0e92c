// Roster CSV: a list of emails (optionally with a student ID and other columns) validated as a
// whole. Parsed by csv-parse (RFC 4180: quoted cells may hold commas, quotes and line breaks, as a
// spreadsheet's address column does). Pure.
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { normaliseText, textProblem } from '@/lib/validation/text';

/** Largest roster accepted in one file. */
export const ROSTER_MAX_ROWS = 10_000;

export type RosterRow = { line: number; email: string; studentId: string | null };
export type RosterError = { line: number; message: string };
export type RosterParse = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

const emailSchema = z.email();
const studentIdHeader = /^(student[ _-]?(id|no|number)|roll[ _-]?(no|number)|registration[ _-]?(no|number)|id)$/i;
const newlines = (s: string) => s.match(/\n/g)?.length ?? 0;

/** Spreadsheets in many locales save with semicolons; the first line decides. */
function delimiterOf(text: string): string {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

type Record = { cells: string[]; line: number };

/** Every record with the line it starts on; a quote left open ends the file with an error at the line it opened. */
function records(text: string): { records: Record[]; error: RosterError | null } {
  const read = (input: string): Record[] => {
    // Where each record starts: the line the parser has reached, less the line breaks inside the record.
    const starts: number[] = [];
    const cells = parse(input, {
      bom: true,
      delimiter: delimiterOf(input),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record, context) => {
        starts.push(context.lines - record.reduce((n, cell) => n + newlines(cell), 0));
        return record;
      },
    });
    return cells.map((c, i) => ({ cells: c, line: starts[i] ?? 1 }));
  };
  try {
    return { records: read(text), error: null };
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    const opened = typeof error.bytes === 'number' ? error.bytes : text.length;
    return { records: read(text.slice(0, opened)), error: { line: newlines(text.slice(0, opened)) + 1, message: 'A quote is opened and never closed.' } };
  }
}

/**
 * Parses a roster. A first line with an "email" cell is a header naming the email column (and,
 * if there is one, a student ID column: "student_id", "roll no", "registration number"…);
 * otherwise the email is the first column. Blank lines are skipped. Every row is checked (email
 * format, duplicates, case-insensitively) and every problem reported with its line number (from 1),
 * so the instructor fixes the file once; rows are returned only when there is no problem at all.
 */
export function parseRoster(csv: string): RosterParse {
  if (csv.replace(/^\uFEFF/, '').trim() === '') return { ok: false, errors: [{ line: 1, message: 'The file is empty: put one email per line.' }] };
  // One kind of line break (a file saved on one system and edited on another mixes them).
  const { records: all, error } = records(csv.replace(/\r\n?/g, '\n'));
  const header = all[0]?.cells.map((c) => c.toLowerCase()) ?? [];
  const headerColumn = header.findIndex((c) => c === 'email' || c === 'e-mail');
  const column = Math.max(headerColumn, 0);
  const idColumn = headerColumn >= 0 ? header.findIndex((c, i) => i !== headerColumn && studentIdHeader.test(c)) : -1;
  const body = headerColumn >= 0 ? all.slice(1) : all;

  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of body) {
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
    const studentId = idColumn >= 0 ? normaliseText(cells[idColumn] ?? '') || null : null;
    if (studentId !== null && (textProblem(studentId, { multiline: false }) || [...studentId].length > 60)) {
      errors.push({ line, message: `The student ID on this line has more than 60 characters or an invisible or control character.` });
      continue;
    }
    rows.push({ line, email, studentId });
  }
  if (error) errors.push(error);
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: [{ line: (all[0]?.line ?? 1), message: 'The file has a header but no emails.' }] };
  if (rows.length + errors.length > ROSTER_MAX_ROWS) {
    errors.unshift({ line: 1, message: `The file has more than ${ROSTER_MAX_ROWS.toLocaleString('en')} rows; split it.` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
