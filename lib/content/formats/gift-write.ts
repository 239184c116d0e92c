// A bank → GIFT, for the questions that fit: GIFT carries text only, so a question that shows an
// image or links a media file is left out (Moodle XML carries those).
import type { QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import { optionFractions, stemWithVignette } from './export-common';
import { markdownToHtml, mediaUrls } from './markdown';
import type { ExportResult } from './moodle-xml-write';

// GIFT's special characters are escaped with a backslash; a line break would end the question at a blank line.
const escape = (text: string) => text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const html = (markdown: string) => `[html]${escape(markdownToHtml(markdown, (url) => url))}`;

function giftQuestion(q: QuestionDef, bank: QuizDef, notes: string[]): string | undefined {
  const texts = [q.vignette ?? '', q.stem, q.rationale, ...q.options.map((o) => o.text)];
  if (texts.some((t) => mediaUrls(t).length > 0)) {
    notes.push('not exported to GIFT: it shows media files, which GIFT cannot carry (export Moodle XML instead)');
    return undefined;
  }
  const fractions = optionFractions(q, bank.multipleResponse);
  if ('refused' in fractions) {
    notes.push(`not exported: ${fractions.refused}`);
    return undefined;
  }
  if (fractions.note) notes.push(fractions.note);
  const general = q.rationale === '' ? '' : `####${html(q.rationale)}`;
  let answers: string;
  if (q.type === 'true-false') answers = `${q.key.includes('t') ? 'TRUE' : 'FALSE'}${general}`;
  else {
    const lines = q.options.map((o, i) => {
      const fraction = fractions.fractions[i] ?? '0';
      const marker = q.type === 'multiple' ? `~%${fraction}%` : fraction === '100' ? '=' : '~';
      return `\t${marker}${html(o.text)}`;
    });
    answers = `\n${lines.join('\n')}${general ? `\n\t${general}` : ''}\n`;
  }
  return `::${escape(q.id)}::${html(stemWithVignette(q))}{${answers}}`;
}

/** The bank as GIFT, with the questions that could not be written named in the notes. */
export function bankToGift(bank: QuizDef): ExportResult {
  const notes: ExportResult['notes'] = [];
  const blocks: string[] = [];
  let category: string | undefined;
  for (const q of bank.questions) {
    const own: string[] = [];
    const text = giftQuestion(q, bank, own);
    for (const note of own) notes.push({ id: q.id, note });
    if (text === undefined) continue;
    if (q.tags[0] !== undefined && q.tags[0] !== category) {
      category = q.tags[0];
      blocks.push(`$CATEGORY: $course$/top/${category}`);
    }
    blocks.push(text);
  }
  return { text: `${blocks.join('\n\n')}\n`, exported: blocks.filter((b) => !b.startsWith('$CATEGORY:')).length, notes };
}
