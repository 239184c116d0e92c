import 'server-only';
import type { Catalog } from '@/lib/content/catalog';
import type { ItemState, Requirement } from '@/lib/domain/certification';

/** How an item's state reads to a learner or an instructor ("not attempted" is never "not passed"). */
export const itemStateLabel: Record<ItemState, string> = {
  'not-attempted': 'Not attempted',
  'in-progress': 'In progress',
  'not-passed': 'Not passed yet',
  passed: 'Passed',
};

const caseTitle = (catalog: Catalog, id: string) => catalog.cases.find((c) => c.def.id === id)?.def.title ?? id;

/** A requirement as a learner reads it, with a link to where it is done. */
export function describeRequirement(r: Requirement, catalog: Catalog): { label: string; href: string; detail?: string } {
  switch (r.kind) {
    case 'module': {
      const m = catalog.modules.find((x) => x.slug === r.id);
      return { label: `Complete the module “${m?.meta.title ?? r.id}”`, href: `/modules/${r.id}` };
    }
    case 'quiz': {
      const m = catalog.modules.find((x) => x.slug === r.id);
      return {
        label: `Pass the quiz of “${m?.meta.title ?? r.id}” with ${r.minScore}% or more`,
        href: `/quizzes/${r.id}`,
        detail: r.best === null ? itemStateLabel[r.state] : `${itemStateLabel[r.state]} · best ${r.best}%`,
      };
    }
    case 'consult':
      return {
        label: `Pass the virtual consult “${caseTitle(catalog, r.id)}” without a critical error`,
        href: `/consults/${r.id}`,
        detail: r.best === null ? itemStateLabel[r.state] : `${itemStateLabel[r.state]} · best ${r.best}%`,
      };
    case 'consults-any':
      return {
        label: `Pass ${r.count} of these virtual consults without a critical error`,
        href: '/consults',
        detail: `${r.passed.length} of ${r.count} done: ${r.cases.map((c) => `${caseTitle(catalog, c.id)} (${itemStateLabel[c.state].toLowerCase()})`).join('; ')}`,
      };
    default: {
      const unknown: never = r;
      return unknown;
    }
  }
}

/** A date as people read it on a certificate. */
export function formatDay(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
