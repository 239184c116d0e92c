import 'server-only';
import type { Catalog } from '@/lib/content/catalog';
import type { Requirement } from '@/lib/domain/certification';

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
        detail: r.best === null ? 'Not taken yet' : `Your best: ${r.best}%`,
      };
    }
    case 'consult': {
      const c = catalog.cases.find((x) => x.def.id === r.id);
      return { label: `Pass the virtual consult “${c?.def.title ?? r.id}” without a critical error`, href: `/consults/${r.id}` };
    }
    case 'consults-any':
      return {
        label: `Pass ${r.count} of these virtual consults without a critical error: ${r.from.map((id) => catalog.cases.find((c) => c.def.id === id)?.def.title ?? id).join('; ')}`,
        href: '/consults',
        detail: `${r.passed.length} of ${r.count} done`,
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
