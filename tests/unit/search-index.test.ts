import path from 'node:path';
import { gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '@/lib/content/catalog';
import { lessonText, searchDocuments } from '@/lib/search/documents';
import { type SearchDocument, indexOptions, processTerm, searchOptions } from '@/lib/search/options';

const catalog = await loadCatalog(path.join(process.cwd(), 'content'));
const docs = searchDocuments(catalog);
const index = new MiniSearch<SearchDocument>(indexOptions);
index.addAll(docs);
const everything = JSON.stringify(index).toLowerCase() + JSON.stringify(docs).toLowerCase();

describe('the search index', () => {
  test('covers every lesson, module, quiz and case, each under the address it opens', () => {
    const ids = new Set(docs.map((d) => d.id));
    for (const m of catalog.modules) {
      expect(ids).toContain(`/modules/${m.slug}`);
      for (const l of m.lessons) expect(ids).toContain(`/modules/${m.slug}/${l.slug}`);
    }
    for (const { def } of catalog.quizzes) expect(ids).toContain(`/quizzes/${def.id}`);
    for (const { def } of catalog.cases) expect(ids).toContain(`/consults/${def.id}`);
    expect(ids.size).toBe(docs.length);
  });

  test("finds a lesson by a word that is only in one of its headings, and by its body text", () => {
    const lesson = catalog.modules.flatMap((m) => m.lessons.map((l) => ({ m, l, ...lessonText(l.body) }))).find((x) => x.headings.length > 1)!;
    const heading = lesson.headings[1]!;
    const hits = index.search(heading, searchOptions).map((r) => r.id);
    expect(hits).toContain(`/modules/${lesson.m.slug}/${lesson.l.slug}`);
    // A sentence from the middle of the body.
    const words = lesson.text.split(' ').slice(40, 46).join(' ');
    expect(index.search(words, searchOptions).map((r) => r.id)).toContain(`/modules/${lesson.m.slug}/${lesson.l.slug}`);
  });

  test('matches prefixes and small typos, and AND-combines words', () => {
    expect(index.search('consen', searchOptions).length).toBeGreaterThan(0);
    expect(index.search('teleconsultaton', searchOptions).length).toBeGreaterThan(0);
    expect(index.search('consent zzzzqqq', searchOptions)).toEqual([]);
  });

  test("never holds a quiz's questions, options or explanations", () => {
    for (const { def } of catalog.quizzes) {
      for (const q of def.questions.slice(0, 5)) {
        expect(everything).not.toContain(q.stem.toLowerCase().slice(0, 60));
      }
    }
    // Nor a lesson's knowledge-check explanations (they are in the lesson's frontmatter, not its body).
    const check = catalog.modules[0]!.lessons[0]!.meta.checks[0]!;
    expect(everything).not.toContain(check.explanation.toLowerCase().slice(0, 60));
  });

  test("never holds a case's debrief: its diagnosis, disposition or spoiler terms", () => {
    for (const { def } of catalog.cases) {
      const caseDocs = JSON.stringify(docs.find((d) => d.id === `/consults/${def.id}`)).toLowerCase();
      expect(caseDocs).not.toContain(def.debrief.diagnosis.toLowerCase());
      expect(caseDocs).not.toContain(def.debrief.disposition.toLowerCase().slice(0, 40));
      for (const term of def.spoilerTerms.filter((t) => !t.includes('*') && t.length > 3)) {
        expect(caseDocs, `${def.id}: ${term}`).not.toMatch(new RegExp(`\\b${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
      }
    }
  });

  test('stays small enough to fetch on a slow link (it loads only when search is used)', () => {
    expect(gzipSync(JSON.stringify(index)).length).toBeLessThan(90_000);
  });
});

describe('processTerm', () => {
  test.each([
    ['Consent', 'consent'],
    ['Télé', 'tele'],
    ['the', null],
    ['a', null],
    ['2', '2'],
    ['3G', '3g'],
  ])('%s → %s', (term, expected) => {
    expect(processTerm(term)).toBe(expected);
  });
});
