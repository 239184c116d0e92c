// A programme's requirements grouped the way a learner works through them: modules, quizzes,
// consults. The page leads with how many things are left, so the count here is of things a person
// does (a "pass any two of these cases" rule leaves as many consults as it still needs, not one).
import type { Requirement } from './evaluate';

export type ChecklistGroup = { kind: 'modules' | 'quizzes' | 'consults'; done: number; total: number; items: Requirement[] };
export type Checklist = { left: number; done: number; total: number; groups: ChecklistGroup[] };

function groupOf(r: Requirement): ChecklistGroup['kind'] {
  switch (r.kind) {
    case 'module':
      return 'modules';
    case 'quiz':
      return 'quizzes';
    case 'consult':
    case 'consults-any':
      return 'consults';
    default: {
      const unreachable: never = r;
      return unreachable;
    }
  }
}

/** How many things a requirement asks for, and how many of them are done. */
function countOf(r: Requirement): { done: number; total: number } {
  if (r.kind === 'consults-any') return { done: Math.min(r.passed.length, r.count), total: r.count };
  return { done: r.met ? 1 : 0, total: 1 };
}

/** Groups requirements into modules, quizzes and consults (empty groups left out), with the things left overall. */
export function checklist(requirements: readonly Requirement[]): Checklist {
  const groups: ChecklistGroup[] = (['modules', 'quizzes', 'consults'] as const).map((kind) => ({ kind, done: 0, total: 0, items: [] }));
  for (const r of requirements) {
    const group = groups.find((g) => g.kind === groupOf(r));
    if (!group) continue;
    const { done, total } = countOf(r);
    group.items.push(r);
    group.done += done;
    group.total += total;
  }
  const kept = groups.filter((g) => g.total > 0);
  const done = kept.reduce((s, g) => s + g.done, 0);
  const total = kept.reduce((s, g) => s + g.total, 0);
  return { left: total - done, done, total, groups: kept };
}
