// Per-domain readiness from quiz items and consult rubric scores tagged by AAMC domain. Pure.

export type DomainId = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6';
export const domainIds: readonly DomainId[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];

/** One piece of evidence in a domain: earned of possible points (a quiz item, or a consult's domain score). */
export type DomainEvidence = { domain: DomainId; earned: number; possible: number };

export type DomainScore = { domain: DomainId; percent: number | null; evidence: number };

/**
 * Percent of possible points earned per domain, pooling quiz items and consult rubric scores.
 * A domain with no evidence is `null` ("not yet assessed"), never 0, so the heatmap does not
 * confuse "not assessed" with "failed".
 */
export function domainReadiness(evidence: readonly DomainEvidence[]): DomainScore[] {
  return domainIds.map((domain) => {
    const mine = evidence.filter((e) => e.domain === domain && e.possible > 0);
    const possible = mine.reduce((s, e) => s + e.possible, 0);
    const earned = mine.reduce((s, e) => s + Math.min(Math.max(e.earned, 0), e.possible), 0);
    return { domain, percent: possible === 0 ? null : Math.round((earned / possible) * 100), evidence: mine.length };
  });
}

/** The domain of a competency tag: "D4.1" and "D4" are both D4. */
export function domainOf(tag: string): DomainId | null {
  const id = tag.slice(0, 2);
  return domainIds.find((d) => d === id) ?? null;
}

/** Quiz credit in each domain, summed over a graded paper: what an attempt stores so the dashboard need not unpack every answer. */
export type DomainCredit = Partial<Record<DomainId, { earned: number; possible: number; items: number }>>;

/**
 * Adds up a graded paper by domain: each question counts 1 possible point in each domain its
 * competency tags name (once per domain), and earns its credit there.
 */
export function quizDomainCredit(
  questions: readonly { id: string; competencies: readonly string[] }[],
  graded: readonly { questionId: string; credit: number }[],
): DomainCredit {
  const tags = new Map(questions.map((q) => [q.id, new Set(q.competencies.map(domainOf).filter((d): d is DomainId => d !== null))]));
  const out: DomainCredit = {};
  for (const item of graded) {
    for (const domain of tags.get(item.questionId) ?? []) {
      const sum = (out[domain] ??= { earned: 0, possible: 0, items: 0 });
      sum.earned += item.credit;
      sum.possible += 1;
      sum.items += 1;
    }
  }
  return out;
}
