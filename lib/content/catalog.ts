// The whole of content/: references, competencies, modules (quizzes, cases and programmes join
// as their formats land), loaded and cross-checked. Problems are collected, never thrown, so the
// content check can list them all at once.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { type ContentProblem, displayPath, readYamlFile } from './files';
import { type Module, loadModules } from './load-modules';
import { type Loaded, loadYamlDir } from './load-yaml-dir';
import { type CaseDef, caseSchema } from './schemas/case';
import { type Competencies, competenciesFileSchema } from './schemas/competency';
import { type PhrasePanelDef, phrasePanelSchema } from './schemas/phrases';
import { type ProgrammeDef, programmeSchema } from './schemas/programme';
import { type QuizDef, isDraft, quizSchema } from './schemas/quiz';
import { type Reference, referenceFileSchema } from './schemas/reference';
import { type TrainerDef, trainerSchema } from './schemas/trainer';
import { lintCase, validateCase } from '@/lib/domain/consult';
import { urduLineProblems } from '@/lib/domain/consult/urdu';

export type Catalog = {
  root: string;
  references: Map<string, Reference>;
  competencies: Competencies;
  competencyIds: Set<string>;
  modules: Module[];
  quizzes: Loaded<QuizDef>[];
  cases: Loaded<CaseDef>[];
  programmes: Loaded<ProgrammeDef>[];
  trainers: Loaded<TrainerDef>[];
  /** The "say it in Urdu" panels lessons place. */
  phrases: Loaded<PhrasePanelDef>[];
  /** The Urdu interface strings (messages/ur.json beside content/), by top-level namespace; null when there is none. */
  interfaceUr: { file: string; namespaces: Record<string, unknown> } | null;
  problems: ContentProblem[];
};

/** messages/ur.json beside the content folder, if the build has an Urdu interface. */
async function loadInterfaceUr(root: string, problems: ContentProblem[]): Promise<Catalog['interfaceUr']> {
  const file = path.join(root, '..', 'messages', 'ur.json');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { file, namespaces: Object.fromEntries(Object.entries(parsed)) };
  } catch {
    // reported below
  }
  problems.push({ file: displayPath(file), message: 'must be a JSON object of namespaces' });
  return null;
}

async function loadReferences(root: string, problems: ContentProblem[]): Promise<Map<string, Reference>> {
  const dir = path.join(root, 'references');
  const files = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.yaml')).sort();
  const refs = new Map<string, Reference>();
  const origin = new Map<string, string>();
  for (const name of files) {
    const file = path.join(dir, name);
    for (const ref of (await readYamlFile(referenceFileSchema, file, problems)) ?? []) {
      const first = origin.get(ref.id);
      if (first) problems.push({ file: displayPath(file), message: `reference id "${ref.id}" is already defined in ${first}` });
      else {
        refs.set(ref.id, ref);
        origin.set(ref.id, displayPath(file));
      }
    }
  }
  return refs;
}

/** Records each id in `ids` that is not in `known`. */
export function checkIds(ids: readonly string[], known: { has: (id: string) => boolean }, what: string, file: string, problems: ContentProblem[]) {
  for (const id of ids) if (!known.has(id)) problems.push({ file, message: `unknown ${what} "${id}"` });
}

function checkModules(catalog: Catalog): void {
  const { modules, problems, references, competencyIds } = catalog;
  const slugs = new Set(modules.map((m) => m.slug));
  const orders = new Map<number, string>();
  for (const m of modules) {
    const file = displayPath(path.join(m.dir, 'module.mdx'));
    const clash = orders.get(m.meta.order);
    if (clash) problems.push({ file, message: `frontmatter.order ${m.meta.order} is also used by module "${clash}"` });
    orders.set(m.meta.order, m.slug);
    checkIds(m.meta.competencies, competencyIds, 'competency', file, problems);
    checkIds(m.meta.prerequisites, slugs, 'prerequisite module', file, problems);
    if (m.meta.prerequisites.includes(m.slug)) problems.push({ file, message: 'a module cannot be its own prerequisite' });
    for (const lesson of m.lessons) checkIds(lesson.meta.references, references, 'reference', displayPath(lesson.file), problems);
  }
}

function checkQuizzes(catalog: Catalog): void {
  const { quizzes, modules, references, competencyIds, problems } = catalog;
  for (const { def, file } of quizzes) {
    const where = displayPath(file);
    if (!modules.some((m) => m.slug === def.module)) problems.push({ file: where, message: `module "${def.module}" does not exist` });
    for (const q of def.questions) {
      checkIds(q.references, references, `reference (question ${q.id})`, where, problems);
      checkIds(q.competencies, competencyIds, `competency (question ${q.id})`, where, problems);
    }
  }
}

function checkCases(catalog: Catalog): void {
  const { cases, references, competencyIds, problems } = catalog;
  for (const { def, file } of cases) {
    const where = displayPath(file);
    const { criticalActions, criticalErrors } = def.rubric;
    const choices = Object.values(def.nodes).flatMap((n) => n.choices);
    const cited = new Set([...def.references, ...[...criticalActions, ...criticalErrors, ...choices].flatMap((i) => i.references)]);
    checkIds([...cited], references, 'reference', where, problems);
    checkIds(def.competencies, competencyIds, 'competency', where, problems);
    for (const message of validateCase(def)) problems.push({ file: where, message });
    // The case-writing rules (spoilers, cueing, key facts) bind every case.
    for (const { message } of lintCase(def)) problems.push({ file: where, message });
    for (const message of urduLineProblems(def)) problems.push({ file: where, message });
  }
}

function checkTrainers(catalog: Catalog): void {
  for (const { def, file } of catalog.trainers) checkIds(def.references, catalog.references, 'reference', displayPath(file), catalog.problems);
}

function checkProgrammes(catalog: Catalog): void {
  const { programmes, modules, quizzes, cases, problems } = catalog;
  const moduleIds = new Set(modules.map((m) => m.slug));
  const quizIds = new Set(quizzes.map((q) => q.def.id));
  const drafts = new Set(quizzes.filter((q) => isDraft(q.def)).map((q) => q.def.id));
  const caseIds = new Set(cases.map((c) => c.def.id));
  for (const { def, file } of programmes) {
    const where = displayPath(file);
    const r = def.requirements;
    checkIds(r.modules, moduleIds, 'module', where, problems);
    checkIds(r.quizzes.map((q) => q.quiz), quizIds, 'quiz', where, problems);
    for (const { quiz } of r.quizzes.filter((q) => drafts.has(q.quiz))) {
      problems.push({ file: where, message: `quiz "${quiz}" is a draft: a certificate needs a published bank (add its references and competency tags, then remove status: draft)` });
    }
    checkIds([...r.consults.required, ...(r.consults.anyOf?.from ?? [])], caseIds, 'virtual consult case', where, problems);
    // A bank that counts towards a certificate must not hand its keys to someone who can sit it again.
    for (const { quiz } of r.quizzes) {
      const bank = quizzes.find((q) => q.def.id === quiz);
      if (bank?.def.review === 'full') {
        problems.push({ file: displayPath(bank.file), message: `quiz "${quiz}" counts towards the programme "${def.id}": its review must be after-pass-or-last, after-pass or score-only, not full` });
      }
    }
  }
}

/** Loads and cross-checks content/ (or another folder laid out the same way, for tests). */
export async function loadCatalog(root: string): Promise<Catalog> {
  const problems: ContentProblem[] = [];
  const competencies = (await readYamlFile(competenciesFileSchema, path.join(root, 'competencies.yaml'), problems)) ?? {
    source: '',
    tiers: [],
    domains: [],
  };
  const competencyIds = new Set(competencies.domains.flatMap((d) => [d.id, ...d.competencies.map((c) => c.id)]));
  const catalog: Catalog = {
    root,
    references: await loadReferences(root, problems),
    competencies,
    competencyIds,
    modules: await loadModules(root, problems),
    quizzes: await loadYamlDir(path.join(root, 'quizzes'), quizSchema, problems),
    cases: await loadYamlDir(path.join(root, 'cases'), caseSchema, problems),
    programmes: await loadYamlDir(path.join(root, 'programmes'), programmeSchema, problems),
    trainers: await loadYamlDir(path.join(root, 'trainers'), trainerSchema, problems),
    phrases: await loadYamlDir(path.join(root, 'phrases'), phrasePanelSchema, problems),
    interfaceUr: await loadInterfaceUr(root, problems),
    problems,
  };
  checkModules(catalog);
  checkQuizzes(catalog);
  checkCases(catalog);
  checkProgrammes(catalog);
  checkTrainers(catalog);
  return catalog;
}
