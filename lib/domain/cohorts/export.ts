// The cohort roster as CSV for a spreadsheet: one row per member, with progress and scores. Pure.
import { domainIds } from '@/lib/domain/readiness';
import type { LearnerReadiness } from './readiness';

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is
 * prefixed with an apostrophe: a learner's name must never execute in the instructor's sheet.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export type ExportColumns = { quizzes: readonly string[]; cases: readonly string[] };

/** The header and rows: identity, status, progress, each domain, then each programme quiz's best and each case's outcome. */
export function rosterCsv(learners: readonly LearnerReadiness[], cols: ExportColumns): string {
  const header = ['name', 'email', 'joined', 'status', 'certified', 'progress_percent', ...domainIds.map((d) => `${d}_percent`), ...cols.quizzes.map((q) => `quiz_${q}_best`), ...cols.cases.map((c) => `consult_${c}`)];
  const lines = [header.map(csvCell).join(',')];
  for (const l of learners) {
    const quiz = (id: string) => {
      const req = l.requirements.find((r) => r.kind === 'quiz' && r.id === id);
      return req && req.kind === 'quiz' ? req.best : null;
    };
    const consult = (id: string) => {
      const req = l.requirements.find((r) => (r.kind === 'consult' && r.id === id) || (r.kind === 'consults-any' && r.from.includes(id)));
      if (!req) return null;
      if (req.kind === 'consult') return req.met ? 'passed' : 'not passed';
      if (req.kind === 'consults-any') return req.passed.includes(id) ? 'passed' : 'not passed';
      return null;
    };
    const row = [
      l.name,
      l.email,
      l.joinedAt.toISOString().slice(0, 10),
      l.status,
      l.certified ? 'yes' : 'no',
      Math.round(l.progress * 100),
      ...domainIds.map((d) => l.domains.find((s) => s.domain === d)?.percent ?? null),
      ...cols.quizzes.map(quiz),
      ...cols.cases.map(consult),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
