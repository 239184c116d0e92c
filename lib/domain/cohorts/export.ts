// The cohort roster as CSV for a spreadsheet: one row per member, with progress and scores. Pure.
import { domainIds } from '@/lib/domain/readiness';
import type { ItemState } from '@/lib/domain/certification';
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

/** How an item's state reads in the file: "not attempted" stays apart from "not passed". */
const stateText: Record<ItemState, string> = { 'not-attempted': 'not attempted', 'in-progress': 'in progress', 'not-passed': 'not passed', passed: 'passed' };

/**
 * The header and rows: identity, status, progress, each domain, then each programme quiz's best
 * score and state, and each case's state. Every figure comes from `LearnerReadiness`, the same
 * object the dashboard and the drill-down show.
 */
export function rosterCsv(learners: readonly LearnerReadiness[], cols: ExportColumns): string {
  const header = [
    'name',
    'email',
    'student_id',
    'joined',
    'status',
    'certified',
    'progress_percent',
    ...domainIds.map((d) => `${d}_percent`),
    ...cols.quizzes.flatMap((q) => [`quiz_${q}_best`, `quiz_${q}`]),
    ...cols.cases.map((c) => `consult_${c}`),
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const l of learners) {
    const quiz = (id: string) => {
      const req = l.requirements.find((r) => r.kind === 'quiz' && r.id === id);
      return req && req.kind === 'quiz' ? [req.best, stateText[req.state]] : [null, null];
    };
    const consult = (id: string) => {
      for (const req of l.requirements) {
        if (req.kind === 'consult' && req.id === id) return stateText[req.state];
        const option = req.kind === 'consults-any' ? req.cases.find((c) => c.id === id) : undefined;
        if (option) return stateText[option.state];
      }
      return null;
    };
    const row = [
      l.name,
      l.email,
      l.studentId,
      l.joinedAt.toISOString().slice(0, 10),
      l.status,
      l.certified ? 'yes' : 'no',
      Math.round(l.progress * 100),
      ...domainIds.map((d) => l.domains.find((s) => s.domain === d)?.percent ?? null),
      ...cols.quizzes.flatMap(quiz),
      ...cols.cases.map(consult),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
