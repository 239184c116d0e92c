import 'server-only';
// "Save the whole programme for offline", beside a module's own button: the pages of every module a
// programme requires, and what their low-data pages weigh in all, shown before anything is saved.
import type { Catalog } from '@/lib/content/catalog';
import type { Module } from '@/lib/content/load-modules';
import { liteModuleBytes } from './module-size';

/** What saving one module keeps: its page, its lessons and the learner's progress answer. */
export function moduleUrls(mod: Pick<Module, 'slug' | 'lessons'>): string[] {
  return [`/modules/${mod.slug}`, ...mod.lessons.map((l) => `/modules/${mod.slug}/${l.slug}`), `/api/progress/modules/${mod.slug}`];
}

/**
 * The programmes that require this module (those open to the reader's profession when signed in),
 * each with every page of its modules and their summed size.
 */
export async function programmesToSave(catalog: Catalog, moduleSlug: string, profession: string | null) {
  const programmes = catalog.programmes
    .map((p) => p.def)
    .filter((p) => p.requirements.modules.includes(moduleSlug) && (profession === null || p.audience.some((a) => a === profession)))
    // A programme of one module is the module's own button.
    .filter((p) => p.requirements.modules.length > 1);
  return Promise.all(
    programmes.map(async (p) => {
      const modules = catalog.modules.filter((m) => p.requirements.modules.includes(m.slug));
      const sizes = await Promise.all(modules.map((m) => liteModuleBytes(m)));
      return { id: p.id, title: p.title, urls: modules.flatMap(moduleUrls), bytes: sizes.reduce((a, b) => a + b, 0) };
    }),
  );
}
