// The content check: everything loadCatalog checks, plus each lesson compiled with the real MDX
// compiler (unknown components, knowledge-check placement, media files), quizzes and cases.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { type Catalog, loadCatalog } from './catalog';
import { compileMdx } from './compile-mdx';
import { type ContentProblem, displayPath } from './files';
import type { Lesson } from './load-modules';
import { bankMediaUrls } from './formats/export-common';
import { mediaPath } from './bank-media';
import { draftGaps, isDraft } from './schemas/quiz';
import { trainerComponent } from './schemas/trainer';

async function checkLessonBody(lesson: Lesson, catalog: Catalog, problems: ContentProblem[]): Promise<void> {
  const file = displayPath(lesson.file);
  let usage;
  try {
    usage = (await compileMdx(lesson.body, lesson.file, lesson.bodyLine)).usage;
  } catch (error) {
    problems.push({ file, message: error instanceof Error ? error.message.replace(`${file}: `, '') : String(error) });
    return;
  }
  const defined = lesson.meta.checks.map((c) => c.id);
  for (const id of defined) {
    const placed = usage.knowledgeChecks.filter((k) => k === id).length;
    if (placed !== 1) problems.push({ file, message: `knowledge check "${id}" must be placed exactly once with <KnowledgeCheck id="${id}" /> (found ${placed})` });
  }
  for (const id of usage.knowledgeChecks) {
    if (!defined.includes(id)) problems.push({ file, message: `<KnowledgeCheck id="${id}" /> has no matching entry in frontmatter.checks` });
  }
  for (const id of usage.referenceIds) {
    if (!lesson.meta.references.includes(id)) problems.push({ file, message: `<References> names "${id}", which is not in frontmatter.references` });
  }
  for (const { component, id } of usage.trainers) {
    const trainer = catalog.trainers.find((t) => t.def.id === id);
    if (!trainer) {
      problems.push({ file, message: `<${component} trainer="${id}" /> names no file content/trainers/${id}.yaml` });
      continue;
    }
    const expected = trainerComponent[trainer.def.kind];
    if (expected !== component) problems.push({ file, message: `trainer "${id}" is a ${trainer.def.kind} trainer: place it with <${expected} trainer="${id}" />` });
    // The lesson's reference list is what learners see: it must carry the trainer's sources too.
    for (const ref of trainer.def.references) {
      if (!lesson.meta.references.includes(ref)) problems.push({ file, message: `trainer "${id}" cites "${ref}", which is not in frontmatter.references` });
    }
  }
  for (const id of usage.phrasePanels) {
    if (!catalog.phrases.some((p) => p.def.id === id)) problems.push({ file, message: `<SayItInUrdu id="${id}" /> names no file content/phrases/${id}.yaml` });
  }
  for (const media of usage.media) {
    const exists = await access(path.join(catalog.root, '..', 'public', media)).then(() => true, () => false);
    if (!exists) problems.push({ file, message: `media file public${media} does not exist` });
  }
}

async function mediaExists(root: string, url: string): Promise<boolean> {
  const file = mediaPath(path.join(root, '..', 'public'), url);
  return file !== undefined && (await access(file).then(() => true, () => false));
}

/** Every image or media link a bank shows is a file under public/media/ (imports put theirs in public/media/quizzes/<bank>/). */
async function checkQuizMedia(catalog: Catalog, problems: ContentProblem[]): Promise<void> {
  for (const { def, file } of catalog.quizzes) {
    for (const url of bankMediaUrls(def)) {
      if (!(await mediaExists(catalog.root, url))) problems.push({ file: displayPath(file), message: `media file public${url} does not exist` });
    }
  }
}

/** A draft bank and what it still needs: listed by the check, not counted as problems unless a programme uses it. */
export type DraftNotice = { file: string; gaps: string[] };

export type CheckReport = { catalog: Catalog; problems: ContentProblem[]; drafts: DraftNotice[]; counts: Record<string, number> };

/** Runs every check over a content folder and returns all problems found. */
export async function checkContent(root: string): Promise<CheckReport> {
  const catalog = await loadCatalog(root);
  const problems = [...catalog.problems];
  const lessons = catalog.modules.flatMap((m) => m.lessons);
  for (const lesson of lessons) await checkLessonBody(lesson, catalog, problems);
  await checkQuizMedia(catalog, problems);
  const drafts = catalog.quizzes.filter((q) => isDraft(q.def)).map((q) => ({ file: displayPath(q.file), gaps: draftGaps(q.def) }));
  return { catalog, problems, drafts, counts: {
      modules: catalog.modules.length,
      lessons: lessons.length,
      quizzes: catalog.quizzes.length,
      questions: catalog.quizzes.reduce((n, q) => n + q.def.questions.length, 0),
      cases: catalog.cases.length,
      programmes: catalog.programmes.length,
      trainers: catalog.trainers.length,
      'phrase panels': catalog.phrases.length,
      references: catalog.references.size,
    }, };
}
