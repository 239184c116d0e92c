// The items of this build's content that a clinical reviewer signs off, each with the hash of
// exactly what a sign-off approves, and the paragraphs of content/REVIEW-NOTES.md that concern each.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type NoteBlock, type NoteTarget, type ReviewItem, itemKey, notesConcerning } from '@/lib/domain/review';
import type { Catalog } from './catalog';
import { canonicalJson } from './canonical-json';
import { contentHash } from './files';
import { translationItems } from './translation-items';

export { canonicalJson };

export type ContentItem = ReviewItem & {
  /** The source file, relative to the project (references: their reference file is not kept). */
  file: string | null;
  /** Where a learner meets it, if anywhere on its own. */
  href: string | null;
  note: NoteTarget;
};

const shorten = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function lessonItems(catalog: Catalog, rel: (file: string) => string): ContentItem[] {
  const trainerHash = new Map(catalog.trainers.map((t) => [t.def.id, t.hash]));
  return catalog.modules.flatMap((m) =>
    m.lessons.map((l) => {
      // A trainer's scenarios are part of what the lesson teaches: editing them calls for a new sign-off too.
      const trainers = [...new Set([...l.body.matchAll(/\btrainer="([a-z0-9-]+)"/g)].map((t) => t[1]!))].sort();
      const hash = trainers.length > 0 ? contentHash(l.hash, ...trainers.map((id) => `${id}:${trainerHash.get(id) ?? ''}`)) : l.hash;
      const id = `${m.slug}/${l.slug}`;
      return {
        kind: 'lesson' as const,
        id,
        hash,
        title: l.meta.title,
        group: m.slug,
        cites: l.meta.references,
        file: rel(l.file),
        href: `/modules/${id}`,
        note: { key: itemKey({ kind: 'lesson', id }), tokens: [path.basename(l.file), ...l.meta.checks.map((c) => c.id)], lesson: { module: m.meta.order, number: l.index + 1 } },
      };
    }),
  );
}

function questionItems(catalog: Catalog, rel: (file: string) => string): ContentItem[] {
  return catalog.quizzes.flatMap(({ def, file }) =>
    def.questions.map((q) => {
      const id = `${def.id}/${q.id}`;
      return {
        kind: 'question' as const,
        id,
        hash: contentHash(canonicalJson(q)),
        title: shorten(q.stem),
        group: def.id,
        cites: q.references,
        file: rel(file),
        href: null,
        note: { key: itemKey({ kind: 'question', id }), tokens: [q.id] },
      };
    }),
  );
}

/** An Urdu field on one line, inline (`, ur: { script: "…", roman: "…" }`) or under its `text:`, and the `languages:` line: what a translation review approves. */
const URDU_INLINE = /(?:, |\n[ \t]+)ur: \{ script: "(?:[^"\\]|\\.)*", roman: "(?:[^"\\]|\\.)*" \}(?=[ }]|\n)/g;
const LANGUAGES_LINE = /^languages: .*\n/m;

/**
 * A case's clinical version: its file without its Urdu, so translating a case (or correcting the
 * translation) does not undo its clinical sign-off. A case without Urdu keeps its file's hash.
 */
export function clinicalCaseHash(text: string, fileHash: string): string {
  const clinical = text.replace(URDU_INLINE, '').replace(LANGUAGES_LINE, '');
  return clinical === text ? fileHash : contentHash(clinical);
}

function caseItems(catalog: Catalog, rel: (file: string) => string): ContentItem[] {
  return catalog.cases.map(({ def, file, hash, text }) => {
    const { criticalActions, criticalErrors } = def.rubric;
    const choices = Object.values(def.nodes).flatMap((n) => n.choices);
    const cites = [...new Set([...def.references, ...[...criticalActions, ...criticalErrors, ...choices].flatMap((i) => i.references)])];
    // Rubric and choice ids the notes quote; one-word ids ("ok", "next") name nothing in particular.
    const ids = [...criticalActions, ...criticalErrors, ...choices].map((i) => i.id).filter((id) => id.includes('-'));
    return {
      kind: 'case' as const,
      id: def.id,
      hash: clinicalCaseHash(text, hash),
      title: def.title,
      group: def.id,
      cites,
      file: rel(file),
      href: `/consults/${def.id}`,
      note: { key: itemKey({ kind: 'case', id: def.id }), tokens: [path.basename(file), ...ids] },
    };
  });
}

function referenceItems(catalog: Catalog): ContentItem[] {
  return [...catalog.references.values()].map((r) => ({
    kind: 'reference' as const,
    id: r.id,
    hash: contentHash(canonicalJson(r)),
    title: shorten(r.citation),
    group: r.id,
    cites: [],
    file: null,
    href: null,
    note: { key: itemKey({ kind: 'reference', id: r.id }), tokens: [r.id] },
  }));
}

const memo = new WeakMap<Catalog, ContentItem[]>();

/** Every lesson, quiz question, case and reference, in course order, then the translations. */
export function contentItems(catalog: Catalog): ContentItem[] {
  let items = memo.get(catalog);
  if (!items) {
    const project = path.dirname(catalog.root);
    const rel = (file: string) => path.relative(project, file);
    items = [...lessonItems(catalog, rel), ...questionItems(catalog, rel), ...caseItems(catalog, rel), ...referenceItems(catalog), ...translationItems(catalog, rel)];
    memo.set(catalog, items);
  }
  return items;
}

/** The blocks of content/REVIEW-NOTES.md that concern each item, by item key (empty when the file is missing). */
export async function reviewNotesByItem(catalog: Catalog): Promise<Map<string, NoteBlock[]>> {
  const notes = await readFile(path.join(catalog.root, 'REVIEW-NOTES.md'), 'utf8').catch(() => '');
  return notesConcerning(notes, contentItems(catalog).map((i) => i.note));
}

/** The source text a lesson's or case's sign-off approves (null for questions and references, shown field by field). */
export async function itemSource(catalog: Catalog, item: ContentItem): Promise<string | null> {
  if (!item.file || (item.kind !== 'lesson' && item.kind !== 'case')) return null;
  return readFile(path.join(path.dirname(catalog.root), item.file), 'utf8');
}
