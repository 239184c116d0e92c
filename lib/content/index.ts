import 'server-only';
import path from 'node:path';
import { type Catalog, loadCatalog } from './catalog';
import { compileMdx } from './compile-mdx';
import type { Lesson, Module } from './load-modules';

export type { Catalog, Lesson, Module };

let catalogPromise: Promise<Catalog> | undefined;

/** The validated content of this build, loaded once per process; refuses to serve broken content. */
export function getCatalog(): Promise<Catalog> {
  catalogPromise ??= loadCatalog(path.join(process.cwd(), 'content')).then((catalog) => {
    if (catalog.problems.length > 0) {
      const list = catalog.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
      throw new Error(`Content has problems (run npm run content:check):\n${list}`);
    }
    return catalog;
  });
  return catalogPromise;
}

/** A module by slug, or undefined. */
export async function getModule(slug: string): Promise<Module | undefined> {
  return (await getCatalog()).modules.find((m) => m.slug === slug);
}

/** A lesson with its module and neighbours, or undefined. */
export async function getLesson(moduleSlug: string, lessonSlug: string) {
  const mod = await getModule(moduleSlug);
  const lesson = mod?.lessons.find((l) => l.slug === lessonSlug);
  if (!mod || !lesson) return undefined;
  return { module: mod, lesson, previous: mod.lessons[lesson.index - 1], next: mod.lessons[lesson.index + 1] };
}

/** The compiled MDX of a lesson (cached on disk by content hash). */
export async function getLessonCode(lesson: Lesson): Promise<string> {
  return (await compileMdx(lesson.body, lesson.file, lesson.bodyLine)).code;
}

/** Short names of the AAMC domains a list of competency tags covers, in domain order. */
export async function domainNames(tags: readonly string[]): Promise<string[]> {
  const { competencies } = await getCatalog();
  const domains = new Set(tags.map((t) => t.slice(0, 2)));
  return competencies.domains.filter((d) => domains.has(d.id)).map((d) => d.short);
}
