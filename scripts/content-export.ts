// `npm run content:export -- moodle QUIZ [--out FILE]` (or `gift QUIZ`): a bank of content/quizzes/
// (draft or published) as Moodle XML with its media embedded, or as GIFT for the questions that fit.
// Without --out it writes <quiz>.moodle.xml or <quiz>.gift.txt in the current folder. --root DIR as for content:import.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readBankMedia } from '@/lib/content/bank-media';
import { loadCatalog } from '@/lib/content/catalog';
import { bankToGift } from '@/lib/content/formats/gift-write';
import { bankToMoodleXml } from '@/lib/content/formats/moodle-xml-write';

const usage = 'Usage: npm run content:export -- moodle|gift QUIZ [--out FILE]';

const argsSchema = z.object({
  format: z.enum(['moodle', 'gift'], { error: 'the format is moodle or gift' }),
  quiz: z.string({ error: 'name the quiz (its id: the file name in content/quizzes/)' }),
  out: z.string().optional(),
  root: z.string().default(process.cwd()),
});

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, root: { type: 'string' } } });
  const parsed = argsSchema.safeParse({ ...values, format: positionals[0], quiz: positionals[1] });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n')}\n${usage}`);
  const args = parsed.data;
  const root = path.resolve(args.root);
  const catalog = await loadCatalog(path.join(root, 'content'));
  const bank = catalog.quizzes.find((q) => q.def.id === args.quiz)?.def;
  if (!bank) throw new Error(`no valid bank "${args.quiz}" in content/quizzes (npm run content:check shows why a bank does not load)`);
  const result = args.format === 'moodle' ? bankToMoodleXml(bank, await readBankMedia(bank, path.join(root, 'public'))) : bankToGift(bank);
  const out = args.out ?? `${bank.id}.${args.format === 'moodle' ? 'moodle.xml' : 'gift.txt'}`;
  await writeFile(out, result.text);
  console.log(`Exported ${result.exported} of ${bank.questions.length} question(s) of ${bank.id} to ${out}.`);
  for (const n of result.notes) console.log(`  ${n.id}: ${n.note}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
