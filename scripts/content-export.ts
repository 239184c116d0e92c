// `npm run content:export -- moodle QUIZ [--out FILE]` (or `gift QUIZ`): a bank of content/quizzes/
// (draft or published) as Moodle XML with its media embedded, or as GIFT for the questions that fit.
// Without --out it writes <quiz>.moodle.xml or <quiz>.gift.txt in the current folder.
// `npm run content:export -- case CASE --format html|scorm [--out DIR]`: a case of content/cases/ as
// one offline HTML file, or that file in a SCORM 1.2 zip (README, "Export a case"). --root DIR as for
// content:import.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { exportCase } from '@/lib/case-package/export';
import { readBankMedia } from '@/lib/content/bank-media';
import { loadCatalog } from '@/lib/content/catalog';
import { bankToGift } from '@/lib/content/formats/gift-write';
import { bankToMoodleXml } from '@/lib/content/formats/moodle-xml-write';

const usage = 'Usage: npm run content:export -- moodle|gift QUIZ [--out FILE]\n       npm run content:export -- case CASE --format html|scorm [--out DIR]';

const bankArgs = z.object({
  command: z.enum(['moodle', 'gift'], { error: 'the command is moodle, gift or case' }),
  name: z.string({ error: 'name the quiz (its id: the file name in content/quizzes/)' }),
  out: z.string().optional(),
  root: z.string().default(process.cwd()),
});

const caseArgs = z.object({
  command: z.literal('case'),
  name: z.string({ error: 'name the case (its id: the file name in content/cases/)' }),
  format: z.enum(['html', 'scorm'], { error: '--format is html or scorm' }),
  out: z.string().default('.'),
  root: z.string().default(process.cwd()),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n')}\n${usage}`);
  return parsed.data;
}

async function exportBank(args: z.infer<typeof bankArgs>) {
  const root = path.resolve(args.root);
  const catalog = await loadCatalog(path.join(root, 'content'));
  const bank = catalog.quizzes.find((q) => q.def.id === args.name)?.def;
  if (!bank) throw new Error(`no valid bank "${args.name}" in content/quizzes (npm run content:check shows why a bank does not load)`);
  const result = args.command === 'moodle' ? bankToMoodleXml(bank, await readBankMedia(bank, path.join(root, 'public'))) : bankToGift(bank);
  const out = args.out ?? `${bank.id}.${args.command === 'moodle' ? 'moodle.xml' : 'gift.txt'}`;
  await writeFile(out, result.text);
  console.log(`Exported ${result.exported} of ${bank.questions.length} question(s) of ${bank.id} to ${out}.`);
  for (const n of result.notes) console.log(`  ${n.id}: ${n.note}`);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function exportCasePackage(args: z.infer<typeof caseArgs>) {
  const made = await exportCase(path.join(path.resolve(args.root), 'content'), args.name, args.format, path.resolve(args.out));
  console.log(`Exported case ${args.name} to ${made.file}: ${kB(made.bytes)} (${kB(made.gzipBytes)} gzipped).`);
  if (args.format === 'scorm') console.log(`  SCORM 1.2 package: imsmanifest.xml, index.html (${kB(made.htmlBytes)}, ${kB(made.htmlGzipBytes)} gzipped) and the four SCORM 1.2 XSDs.`);
  console.log('  It holds the whole case, answers included: for your institution’s practice and assessment, not for TeleHealth Ready certificates.');
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, root: { type: 'string' }, format: { type: 'string' } } });
  const input = { ...values, command: positionals[0], name: positionals[1] };
  if (positionals[0] === 'case') await exportCasePackage(parse(caseArgs, input));
  else await exportBank(parse(bankArgs, input));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
