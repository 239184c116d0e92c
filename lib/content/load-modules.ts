// Loads content/modules: each module.mdx and its lessons, validated; bodies are compiled elsewhere.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ContentProblem, contentHash, displayPath, parseWith, splitFrontmatter } from './files';
import { type LessonFrontmatter, type ModuleFrontmatter, lessonFrontmatterSchema, moduleFrontmatterSchema } from './schemas/module';

export type Lesson = {
  slug: string;
  moduleSlug: string;
  index: number;
  file: string;
  meta: LessonFrontmatter;
  body: string;
  bodyLine: number;
  hash: string;
};

export type Module = {
  slug: string;
  dir: string;
  meta: ModuleFrontmatter;
  intro: string;
  lessons: Lesson[];
  hash: string;
};

const numbered = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)(\.mdx)?$/;

/** The slug of a numbered file or folder ("06-remote-examination" → "remote-examination"). */
export function slugOf(name: string): string | null {
  return numbered.exec(name)?.[2] ?? null;
}

async function readMdx(file: string, problems: ContentProblem[]) {
  const source = await readFile(file, 'utf8');
  const split = splitFrontmatter(source);
  if (!split) {
    problems.push({ file: displayPath(file), message: 'must start with YAML frontmatter between --- lines' });
    return undefined;
  }
  return { ...split, source };
}

async function loadLessons(dir: string, moduleSlug: string, problems: ContentProblem[]): Promise<Lesson[]> {
  const lessonsDir = path.join(dir, 'lessons');
  const names = (await readdir(lessonsDir).catch(() => [])).filter((n) => n.endsWith('.mdx')).sort();
  if (names.length === 0) problems.push({ file: displayPath(lessonsDir), message: 'a module needs at least one lesson in lessons/' });
  const lessons: Lesson[] = [];
  for (const name of names) {
    const file = path.join(lessonsDir, name);
    const slug = slugOf(name);
    if (!slug) {
      problems.push({ file: displayPath(file), message: 'lesson files are named NN-slug.mdx (two digits, then lowercase words joined by dashes)' });
      continue;
    }
    const read = await readMdx(file, problems);
    const meta = read && parseWith(lessonFrontmatterSchema, read.yaml, file, problems, 'frontmatter');
    if (!read || !meta) continue;
    lessons.push({ slug, moduleSlug, index: lessons.length, file, meta, body: read.body, bodyLine: read.bodyLine, hash: contentHash(read.source) });
  }
  return lessons;
}

/** Every module under `root/modules`, in folder order, with problems recorded rather than thrown. */
export async function loadModules(root: string, problems: ContentProblem[]): Promise<Module[]> {
  const modulesDir = path.join(root, 'modules');
  const entries = (await readdir(modulesDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
  const modules: Module[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(modulesDir, entry.name);
    const slug = slugOf(entry.name);
    if (!slug) {
      problems.push({ file: displayPath(dir), message: 'module folders are named NN-slug (two digits, then lowercase words joined by dashes)' });
      continue;
    }
    const moduleFile = path.join(dir, 'module.mdx');
    const read = await readMdx(moduleFile, problems).catch(() => {
      problems.push({ file: displayPath(moduleFile), message: 'missing: every module folder has a module.mdx' });
      return undefined;
    });
    const meta = read && parseWith(moduleFrontmatterSchema, read.yaml, moduleFile, problems, 'frontmatter');
    if (!read || !meta) continue;
    const lessons = await loadLessons(dir, slug, problems);
    modules.push({ slug, dir, meta, intro: read.body, lessons, hash: contentHash(read.source, ...lessons.map((l) => l.hash)) });
  }
  return modules.sort((a, b) => a.meta.order - b.meta.order);
}
