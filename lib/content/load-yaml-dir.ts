// Loads every YAML file of a content folder against a schema, checking that each `id` is its file name.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { type ContentProblem, contentHash, displayPath, parseWith } from './files';

/** A parsed file, its path, the hash of its text and the text itself. */
export type Loaded<T> = { def: T; file: string; hash: string; text: string };

/** Each valid file of `dir` parsed with `schema`; problems are recorded, invalid files skipped. */
export async function loadYamlDir<S extends z.ZodType<{ id: string }>>(dir: string, schema: S, problems: ContentProblem[]): Promise<Loaded<z.output<S>>[]> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.yaml')).sort();
  const loaded: Loaded<z.output<S>>[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    const def = parseWith(schema, text, file, problems);
    if (!def) continue;
    const expected = name.replace(/\.yaml$/, '');
    if (def.id !== expected) {
      problems.push({ file: displayPath(file), message: `id "${def.id}" must equal the file name "${expected}"` });
      continue;
    }
    loaded.push({ def, file, hash: contentHash(text), text });
  }
  return loaded;
}
