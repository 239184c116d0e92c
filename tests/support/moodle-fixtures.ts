// Moodle's own importer fixtures, read where they are kept (../shared/fixtures/moodle-xml beside the
// project; never copied into it), and the small helpers the format tests share.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBank } from '@/lib/content/formats/bank';
import type { ImportedFile } from '@/lib/content/formats/imported';
import { readMoodleXml } from '@/lib/content/formats/moodle-xml-read';

export const fixturesDir = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'moodle-xml');

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

export const bankOptions = { id: 'imported', module: 'foundations', title: 'Imported questions' };

/** A Moodle XML text imported as the test bank: what was read, the bank and the report. */
export function importXml(xml: string) {
  const file = readMoodleXml(xml, { bankId: bankOptions.id });
  return { file, ...buildBank(file, bankOptions) };
}

/** The bank of an import, which the test expects to exist. */
export function bankOf(result: ReturnType<typeof buildBank>) {
  if (!result.bank) throw new Error(`nothing imported: ${JSON.stringify(result.report.skipped)}`);
  return result.bank;
}

/** The media of an import keyed by URL, as an export reads them from public/. */
export function mediaMap(file: ImportedFile): Map<string, Uint8Array> {
  return new Map(file.media.map((m) => [m.url, m.bytes]));
}

/** Wraps <question> elements into a Moodle XML file. */
export function moodleXml(...questions: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join('\n')}\n</quiz>`;
}

/** Collapses whitespace, non-breaking spaces included: the fixtures' README asks to compare normalised text. */
export const normalised = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
