// Reading content files: YAML and MDX frontmatter, with errors that name the file and the field.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** A problem in a content file, phrased for an educator. */
export type ContentProblem = { file: string; message: string };

export const contentRoot = () => path.join(process.cwd(), 'content');

/** The path of a content file relative to the project, for messages. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** sha256 of a text, shortened: the version of a piece of content. */
export function contentHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Splits an MDX file into its YAML frontmatter and body, and counts the lines the frontmatter took. */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return null;
  const yaml = match[1] ?? '';
  return { yaml, body: source.slice(match[0].length), bodyLine: match[0].split('\n').length - 1 };
}

/** Formats zod issues as "field.path: message". */
export function issueLines(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(file)'}: ${i.message}`);
}

/** Parses YAML text against a schema; problems name the file and field. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  problems: ContentProblem[],
  prefix = '',
): z.output<S> | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    problems.push({ file: displayPath(file), message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const line of issueLines(parsed.error, prefix)) problems.push({ file: displayPath(file), message: line });
    return undefined;
  }
  return parsed.data;
}

/** Reads a YAML file against a schema. */
export async function readYamlFile<S extends z.ZodType>(schema: S, file: string, problems: ContentProblem[]) {
  return parseWith(schema, await readFile(file, 'utf8'), file, problems);
}
