// Compiles lesson MDX with mdx-bundler, once: the result is cached on disk by a hash of the source,
// the compiler's version and the rules, so a rebuild recompiles only what changed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import { contentHash } from './files';
import { type MdxUsage, remarkLessonRules } from './mdx-rules';

// Bump when mdx-rules.ts or the plugin list changes, so cached output is not reused.
const compilerVersion = 'mdx-bundler@10.1.1+remark-gfm@4+rules@4';
const cacheDir = () => path.join(process.cwd(), '.content-cache', 'mdx');

/** The useful part of an esbuild/MDX error: the parser's own sentence and position. */
function mdxErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const detail = /Error: [^\n]*\.mdx:?\s*([\s\S]*)$/.exec(text)?.[1]?.trim();
  return detail || text;
}

export type CompiledMdx = { code: string; usage: MdxUsage };

/** Compiles MDX to a function body for getMDXComponent; throws an error naming the file on any problem. */
export async function compileMdx(source: string, file: string, lineOffset = 0): Promise<CompiledMdx> {
  const key = contentHash(compilerVersion, String(lineOffset), source);
  const cached = path.join(cacheDir(), `${key}.json`);
  try {
    const hit: CompiledMdx = JSON.parse(await readFile(cached, 'utf8'));
    if (typeof hit.code === 'string') return hit;
  } catch {
    // not cached yet
  }
  const usage: MdxUsage = { knowledgeChecks: [], referenceIds: [], media: [], trainers: [], phrasePanels: [], problems: [] };
  const result = await bundleMDX({
    source,
    // Problems are reported once, by the thrown error; esbuild's own console report would repeat them.
    esbuildOptions(options) {
      options.logLevel = 'silent';
      return options;
    },
    mdxOptions(options) {
      // The rules run first, before mdx-bundler's own plugins add their generated exports.
      options.remarkPlugins = [remarkLessonRules(usage, lineOffset), remarkGfm, ...(options.remarkPlugins ?? [])];
      return options;
    },
  }).catch((error: unknown) => {
    const message = usage.problems.length > 0 ? usage.problems.join('\n') : mdxErrorText(error);
    throw new Error(`${path.relative(process.cwd(), file)}: ${message}`);
  });
  const compiled = { code: result.code, usage };
  // A read-only file system (a serverless deployment) just means no cache.
  await mkdir(cacheDir(), { recursive: true })
    .then(() => writeFile(cached, JSON.stringify(compiled)))
    .catch(() => undefined);
  return compiled;
}
