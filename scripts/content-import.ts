// `npm run content:import -- moodle FILE.xml --module SLUG` (or `gift FILE.txt`): a Moodle XML or
// GIFT file → a draft bank content/quizzes/<id>.yaml and its media in public/media/quizzes/<id>/,
// with a report of every question. Options: --id ID, --title TEXT, --force (replace a bank of that id),
// --root DIR (the project folder; tests use a copy).
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeBankMedia } from '@/lib/content/bank-media';
import { loadCatalog } from '@/lib/content/catalog';
import { buildBank, slugify } from '@/lib/content/formats/bank';
import { bankToYaml } from '@/lib/content/formats/bank-yaml';
import { readGift } from '@/lib/content/formats/gift-read';
import { mediaBaseUrl, readMoodleXml } from '@/lib/content/formats/moodle-xml-read';
import { formatImportReport } from '@/lib/content/formats/report';
import { slugSchema } from '@/lib/content/schemas/common';

const usage = 'Usage: npm run content:import -- moodle|gift FILE --module SLUG [--id ID] [--title TEXT] [--force]';

const argsSchema = z.object({
  format: z.enum(['moodle', 'gift'], { error: 'the format is moodle or gift' }),
  file: z.string({ error: 'name the file to import' }),
  module: slugSchema,
  id: slugSchema.optional(),
  title: z.string().trim().min(1).optional(),
  force: z.boolean().default(false),
  root: z.string().default(process.cwd()),
});

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { module: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean' }, root: { type: 'string' } },
  });
  const parsed = argsSchema.safeParse({ ...values, format: positionals[0], file: positionals[1] });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n')}\n${usage}`);
  return parsed.data;
}

async function main() {
  const args = parseCommandLine();
  const root = path.resolve(args.root);
  const catalog = await loadCatalog(path.join(root, 'content'));
  const mod = catalog.modules.find((m) => m.slug === args.module);
  if (!mod) throw new Error(`module "${args.module}" does not exist (content/modules/*-${args.module})`);
  const source = path.basename(args.file);
  const id = args.id ?? `${args.module}-${slugify(source.replace(/\.[^.]+$/, ''))}`;
  const bankFile = path.join(root, 'content', 'quizzes', `${id}.yaml`);
  const exists = await access(bankFile).then(() => true, () => false);
  if (exists && !args.force) throw new Error(`content/quizzes/${id}.yaml exists: choose another --id, or --force to replace it`);

  const text = await readFile(args.file, 'utf8');
  const imported = args.format === 'moodle' ? readMoodleXml(text, { bankId: id }) : readGift(text);
  const title = args.title ?? `${mod.meta.title}: questions imported from ${source}`;
  const { bank, report } = buildBank(imported, { id, module: args.module, title });
  const mediaDir = path.join('public', ...mediaBaseUrl(id).split('/').filter(Boolean));
  const lines = formatImportReport(report, { source, bankFile: path.relative(root, bankFile), mediaDir });
  if (!bank) {
    console.error(lines.join('\n'));
    process.exit(1);
  }
  await writeBankMedia(imported.media, path.join(root, 'public'), mediaBaseUrl(id));
  await mkdir(path.dirname(bankFile), { recursive: true });
  const header = [`Imported from ${source} (${args.format === 'moodle' ? 'Moodle XML' : 'GIFT'}) by npm run content:import.`, 'A draft: add references, competency tags and rationales, then remove "status: draft" (content/README.md, Quizzes).'];
  await writeFile(bankFile, bankToYaml(bank, header));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
