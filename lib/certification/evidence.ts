// Turns the rows the database holds into the evidence lib/domain/certification reads.
import type { Catalog } from '@/lib/content/catalog';
import { outline } from '@/lib/content/outline';
import { moduleProgress } from '@/lib/domain/curriculum/progress';
import type { Evidence } from '@/lib/domain/certification';

export type EvidenceRows = {
  completions: { moduleSlug: string; lessonSlug: string; contentHash: string }[];
  quizBest: { quizId: string; best: number | null }[];
  consults: { caseId: string; passed: boolean | null; criticalErrors: string[] | null; contentHash: string }[];
};

/** Evidence for the rules: modules complete under today's lesson list, best quiz scores, finished consults. */
export function toEvidence(catalog: Pick<Catalog, 'modules'>, rows: EvidenceRows): Evidence {
  const completedModules = new Set(catalog.modules.filter((m) => moduleProgress(outline(m), rows.completions).complete).map((m) => m.slug));
  const quizBest = new Map(rows.quizBest.filter((q) => q.best !== null).map((q) => [q.quizId, Number(q.best)]));
  const consults = rows.consults.map((c) => ({ caseId: c.caseId, passed: c.passed === true, criticalErrors: c.criticalErrors ?? [] }));
  return { completedModules, quizBest, consults };
}
