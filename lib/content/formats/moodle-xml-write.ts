// A bank → Moodle XML, with its media embedded as base64 <file> elements, so a university can
// import the questions into its own Moodle. Reading the result back gives the same bank (tested).
import { XMLBuilder } from 'fast-xml-parser';
import type { QuestionDef, QuizDef } from '@/lib/content/schemas/quiz';
import { optionFractions, stemWithVignette } from './export-common';
import { markdownToHtml } from './markdown';
import { encodeBase64, safeFileName } from './media';

/** The XML text and what did not carry over, question by question. */
export type ExportResult = { text: string; exported: number; notes: { id: string; note: string }[] };

type XmlFileOut = { '@_name': string; '@_path': '/'; '@_encoding': 'base64'; '#text': string };

// Every text goes out as CDATA; a "]]>" inside is split across two sections.
const cdata = (text: string) => `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;

/** A Markdown field as Moodle HTML with the files it shows. Names are made safe, so attributes need no escaping. */
function htmlField(markdown: string, media: ReadonlyMap<string, Uint8Array>, missing: string[]) {
  const files: XmlFileOut[] = [];
  const html = markdownToHtml(markdown, (url) => {
    const bytes = media.get(url);
    if (!bytes) {
      missing.push(url);
      return url;
    }
    const { stem, ext } = safeFileName(url);
    const name = ext ? `${stem}.${ext}` : stem;
    if (!files.some((f) => f['@_name'] === name)) files.push({ '@_name': name, '@_path': '/', '@_encoding': 'base64', '#text': encodeBase64(bytes) });
    return `@@PLUGINFILE@@/${name}`;
  });
  return { '@_format': 'html', text: markdown === '' ? '' : cdata(html), ...(files.length > 0 ? { file: files } : {}) };
}

function questionXml(q: QuestionDef, bank: QuizDef, media: ReadonlyMap<string, Uint8Array>, notes: string[]) {
  const fractions = optionFractions(q, bank.multipleResponse);
  if ('refused' in fractions) {
    notes.push(`not exported: ${fractions.refused}`);
    return undefined;
  }
  if (fractions.note) notes.push(fractions.note);
  if (q.type === 'vignette') notes.push('exported as a one-answer question whose text is the scenario, then the question');
  const missing: string[] = [];
  const common = {
    name: { text: cdata(q.id) },
    questiontext: htmlField(stemWithVignette(q), media, missing),
    generalfeedback: htmlField(q.rationale, media, missing),
    defaultgrade: '1',
    penalty: '0',
    hidden: '0',
    ...(q.tags.length > 1 ? { tags: { tag: q.tags.slice(1).map((t) => ({ text: cdata(t) })) } } : {}),
  };
  for (const url of missing) notes.push(`media file ${url} not found: its reference is left as it is`);
  if (q.type === 'true-false') {
    const answer = (id: 't' | 'f') => ({ '@_fraction': q.key.includes(id) ? '100' : '0', '@_format': 'moodle_auto_format', text: id === 't' ? 'true' : 'false', feedback: { '@_format': 'html', text: '' } });
    return { '@_type': 'truefalse', ...common, answer: [answer('t'), answer('f')] };
  }
  const empty = { '@_format': 'html', text: '' };
  return {
    '@_type': 'multichoice',
    ...common,
    single: q.type === 'multiple' ? 'false' : 'true',
    shuffleanswers: 'true',
    answernumbering: 'abc',
    correctfeedback: empty,
    partiallycorrectfeedback: empty,
    incorrectfeedback: empty,
    answer: q.options.map((o, i) => {
      const { file, ...text } = htmlField(o.text, media, missing);
      return { '@_fraction': fractions.fractions[i] ?? '0', ...text, ...(file ? { file } : {}), feedback: empty };
    }),
  };
}

/** The category of each question: its first tag (where an import puts Moodle's category), else the bank's title. */
const categoryOf = (q: QuestionDef, bank: QuizDef) => q.tags[0] ?? bank.title;

/** The bank as Moodle XML. `media` maps each local media URL the bank shows to its bytes (see bankMediaUrls). */
export function bankToMoodleXml(bank: QuizDef, media: ReadonlyMap<string, Uint8Array>): ExportResult {
  const notes: ExportResult['notes'] = [];
  const anyCategory = bank.questions.some((q) => q.tags.length > 0);
  const question: unknown[] = [];
  let category: string | undefined;
  let exported = 0;
  for (const q of bank.questions) {
    const own: string[] = [];
    const xml = questionXml(q, bank, media, own);
    for (const note of own) notes.push({ id: q.id, note });
    if (!xml) continue;
    if (anyCategory && categoryOf(q, bank) !== category) {
      category = categoryOf(q, bank);
      question.push({ '@_type': 'category', category: { text: cdata(`$course$/top/${category}`) } });
    }
    question.push(xml);
    exported++;
  }
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', processEntities: false });
  const text = builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, quiz: { question } });
  return { text, exported, notes };
}
