import 'server-only';
// Decoding the readiness rollup's rows into a learner's figures, as much of them as a view reads.
import { z } from 'zod';
import type { Requirement } from '@/lib/domain/certification';
import type { LearnerFigures } from '@/lib/domain/cohorts';
import { type DomainScore, domainIds } from '@/lib/domain/readiness';
import { AppError } from '@/lib/errors';

// A national read returns a row per member (50,000 and more): decoded by hand, one check per field,
// rather than by a schema object per row.
/** The rows of a raw read, as records to decode. */
export const anyRows = z.object({ rows: z.array(z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null)) });
/** Refuses a value a column cannot hold. */
export function bad(field: string, value: unknown): never {
  throw new AppError('conflict', `learner_readiness read: ${field} is ${JSON.stringify(value)}`);
}
/** A text column's value. */
export const text = (v: unknown, field: string): string => (typeof v === 'string' ? v : bad(field, v));
/** A number from either driver (pg gives bigint and numeric as strings); null stays null. */
export function numberOrNull(v: unknown, field: string): number | null {
  if (v === null || typeof v === 'number') return v;
  const n = typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : bad(field, v);
}
const listOrNull = <T>(v: unknown, field: string): T[] | null => (v === null ? null : Array.isArray(v) ? v : bad(field, v));

// A national read makes six domain scores per member (300,000 and more, most of them equal): each
// distinct (domain, percent) is made once and shared, read-only, which spares the garbage collector.
const scores = new Map<string, DomainScore>();
function scoreOf(domain: DomainScore['domain'], percent: number | null): DomainScore {
  const key = `${domain}:${percent}`;
  let score = scores.get(key);
  if (!score) scores.set(key, (score = Object.freeze({ domain, percent, evidence: 0 })));
  return score;
}

/**
 * How much of each member's figures a view reads: `rollup` (an institution's or the platform's
 * rows: progress, started and the domain percents, no JSON), `dashboard` (the cohort page: also
 * modules and domain scores), `full` (the CSV and the drill-down: also the requirements). Figures
 * not read are empty lists, whether the row was read or recomputed, so a view is the same either way.
 */
export type FiguresView = 'rollup' | 'dashboard' | 'full';

/** Domain percents in domainIds order, as the narrow column stores them. */
export const percentsOf = (domains: readonly DomainScore[]) => domainIds.map((d) => domains.find((s) => s.domain === d)?.percent ?? null);

/** Figures cut to what a view reads (recomputed figures are whole). */
export function shaped(f: LearnerFigures, view: FiguresView): LearnerFigures {
  if (view === 'full') return f;
  if (view === 'dashboard') return { ...f, requirements: [] };
  return { progress: f.progress, started: f.started, modules: [], requirements: [], domains: f.domains.map((d) => scoreOf(d.domain, d.percent)) };
}

/** A current row's figures, as much of them as the view reads; null if a column it needs is missing. */
export function figuresOf(row: Record<string, unknown>, view: FiguresView): LearnerFigures | null {
  const progress = numberOrNull(row.progress, 'progress');
  const percents = listOrNull<unknown>(row.domainPercents, 'domainPercents');
  if (progress === null || typeof row.started !== 'boolean' || percents === null) return null;
  const started = row.started;
  if (view === 'rollup') {
    const domains = domainIds.map((domain, i) => scoreOf(domain, numberOrNull(percents[i] ?? null, 'domainPercents')));
    return { progress, started, modules: [], requirements: [], domains };
  }
  const modules = listOrNull<LearnerFigures['modules'][number]>(row.modules, 'modules');
  const domains = listOrNull<DomainScore>(row.domains, 'domains');
  if (modules === null || domains === null) return null;
  return { progress, started, modules, domains, requirements: view === 'full' ? (listOrNull<Requirement>(row.requirements, 'requirements') ?? []) : [] };
}
