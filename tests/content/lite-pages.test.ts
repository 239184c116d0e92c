// Every lesson's low-data page stays within the 30 kB budget (gzipped), carries no script, and
// keeps the lesson's text: each knowledge check and each reference it cites.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Catalog, loadCatalog } from '@/lib/content/catalog';
import { compileMdx } from '@/lib/content/compile-mdx';
import { liteLessonHtml } from '@/lib/lite/lesson-html';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog(path.join(process.cwd(), 'content'));
});

const LITE_BUDGET = 30 * 1024;

describe('low-data lesson pages', () => {
  test('each is script-free, under 30 kB gzipped, and keeps its checks and references', async () => {
    const sizes: number[] = [];
    for (const mod of catalog.modules) {
      for (const lesson of mod.lessons) {
        const { code } = await compileMdx(lesson.body, lesson.file, lesson.bodyLine);
        const html = liteLessonHtml({ module: mod, lesson, previous: mod.lessons[lesson.index - 1], next: mod.lessons[lesson.index + 1], code, references: catalog.references });
        const where = `${mod.slug}/${lesson.slug}`;
        expect(html, where).not.toMatch(/<script|<link[^>]+stylesheet|<img|<video|<iframe|@font-face/);
        expect(gzipSync(html).length, where).toBeLessThanOrEqual(LITE_BUDGET);
        expect((html.match(/<details>/g) ?? []).length, where).toBe(lesson.meta.checks.length);
        for (const id of lesson.meta.references) expect(html, `${where} cites ${id}`).toContain(catalog.references.get(id)!.citation.slice(0, 20).replace(/&/g, '&amp;'));
        sizes.push(gzipSync(html).length);
      }
    }
    expect(sizes.length).toBeGreaterThan(40);
  });
});
