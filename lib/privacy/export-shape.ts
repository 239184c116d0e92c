// The shape of a person's data export: one JSON file per table and a readable HTML summary, zipped.
// Pure: the caller brings the rows (lib/services/privacy.ts).
import { strToU8, zipSync } from 'fflate';

/**
 * A graded quiz attempt without its answer keys: the learner's own choices, marks and credit. The
 * keys stay on the quiz's review page, which shows them only as the quiz's review policy allows.
 */
export function withoutAnswerKeys(grade: unknown): unknown {
  if (grade === null || typeof grade !== 'object' || !('questions' in grade) || !Array.isArray(grade.questions)) return grade;
  const questions: unknown[] = grade.questions.map((q: unknown) => {
    if (q === null || typeof q !== 'object') return q;
    return Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'key'));
  });
  return { ...grade, questions };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What each part of the export is, in the order the summary shows them. */
const sections: { table: string; title: string }[] = [
  { table: 'users', title: 'Your account' },
  { table: 'lesson_completions', title: 'Lessons completed' },
  { table: 'quiz_attempts', title: 'Quiz attempts (your answers and marks)' },
  { table: 'consult_attempts', title: 'Virtual consults (your notes and results)' },
  { table: 'certificates', title: 'Certificates' },
  { table: 'certificate_holds', title: 'Certificates waiting for content sign-off' },
  { table: 'cohort_memberships', title: 'Cohort memberships' },
  { table: 'cohort_invitations', title: 'Cohort invitations' },
  { table: 'sessions', title: 'Signed-in sessions' },
  { table: 'sign_in_attempts', title: 'Sign-in history' },
];

const summaryColumns = 6;

function tableHtml(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const columns = Object.keys(rows[0] ?? {}).slice(0, summaryColumns);
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${escape(cell(r[c]).slice(0, 200))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The readable summary: each part with its first columns; the JSON files hold everything. */
export function summaryHtml(data: { exportedAt: string; tables: Record<string, Record<string, unknown>[]> }, site: string): string {
  const listed = new Set(sections.map((s) => s.table));
  const others = Object.keys(data.tables)
    .filter((t) => !listed.has(t))
    .sort()
    .map((t) => ({ table: t, title: t.replaceAll('_', ' ') }));
  const parts = [...sections, ...others]
    .filter((s) => s.table in data.tables)
    .map((s) => {
      const rows = data.tables[s.table] ?? [];
      return `<section><h2>${escape(s.title)} <small>(${rows.length}, full detail in ${escape(s.table)}.json)</small></h2>\n${tableHtml(rows)}</section>`;
    });
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your data</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ccc;padding:.25rem;text-align:start;vertical-align:top}</style></head><body>',
    `<h1>Your data at ${escape(site)}</h1>`,
    `<p>Exported ${escape(data.exportedAt)}. Each part below is also in this archive as a JSON file with every column. Passwords, single-use tokens, the internal state of unfinished consults and quiz answer keys are not included.</p>`,
    ...parts,
    '</body></html>',
  ].join('\n');
}

/** The archive: index.html, and one JSON file per table. */
export function exportZip(data: { exportedAt: string; tables: Record<string, Record<string, unknown>[]> }, site: string): Uint8Array {
  const files: Record<string, Uint8Array> = { 'index.html': strToU8(summaryHtml(data, site)) };
  for (const [table, rows] of Object.entries(data.tables)) files[`${table}.json`] = strToU8(JSON.stringify(rows, null, 2));
  return zipSync(files, { level: 6 });
}
