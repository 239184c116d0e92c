import 'server-only';
import { gzipSync } from 'node:zlib';
import { getCatalog, getLessonCode } from '@/lib/content';
import type { Module } from '@/lib/content/load-modules';
import { liteLessonHtml } from './lesson-html';

const sizes = new Map<string, Promise<number>>();

/** What a module's low-data pages weigh over the wire (gzipped), summed over its lessons; worked out once per process. */
export function liteModuleBytes(mod: Module): Promise<number> {
  let size = sizes.get(mod.slug);
  if (!size) {
    size = measure(mod);
    sizes.set(mod.slug, size);
  }
  return size;
}

async function measure(mod: Module): Promise<number> {
  const { references, phrases: panels } = await getCatalog();
  const phrases = new Map(panels.map((p) => [p.def.id, p.def]));
  let total = 0;
  for (const lesson of mod.lessons) {
    const code = await getLessonCode(lesson);
    const html = liteLessonHtml({ module: mod, lesson, previous: mod.lessons[lesson.index - 1], next: mod.lessons[lesson.index + 1], code, references, phrases });
    total += gzipSync(html).length;
  }
  return total;
}
