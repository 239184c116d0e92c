import 'server-only';
import path from 'node:path';
import { isQuizStaff } from '@/db/queries/quiz-statistics';
import type { Actor } from '@/db/queries/users';
import { readBankMedia } from '@/lib/content/bank-media';
import type { Catalog } from '@/lib/content/catalog';
import { bankToMoodleXml } from '@/lib/content/formats/moodle-xml-write';
import { AppError } from '@/lib/errors';

/**
 * A bank as Moodle XML with its media, for staff only (the same rule as item statistics): the file
 * holds every answer key and rationale, so a learner must never get it.
 */
export async function exportBankAsMoodleXml(actor: Actor, quizId: string, catalog: Catalog, publicDir = path.join(process.cwd(), 'public')) {
  if (!isQuizStaff(actor)) throw new AppError('forbidden', `export quiz ${quizId}`);
  const bank = catalog.quizzes.find((q) => q.def.id === quizId)?.def;
  if (!bank) throw new AppError('not_found', `export quiz ${quizId}`, 'No such question bank.');
  const { text, exported, notes } = bankToMoodleXml(bank, await readBankMedia(bank, publicDir));
  return { xml: text, exported, notes, filename: `${bank.id}.moodle.xml` };
}
