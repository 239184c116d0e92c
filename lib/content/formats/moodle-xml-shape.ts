// The parts of Moodle's question XML the importer reads, parsed with fast-xml-parser and checked
// with zod one question at a time, so one malformed question never loses the rest of the file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

const fileSchema = z.object({
  '@_name': z.string(),
  '@_path': z.string().optional(),
  '@_encoding': z.string().optional(),
  '#text': z.string().default(''),
});
export type XmlFile = z.infer<typeof fileSchema>;

const fieldObject = z.object({
  '@_format': z.string().optional(),
  text: z.string().default(''),
  file: z.array(fileSchema).default([]),
});
/** A text field (`<questiontext format>` with `<text>` and its `<file>`s); a bare string is read as HTML text. */
const field = z.union([z.string().transform((text) => ({ text, file: [], '@_format': undefined })), fieldObject]);
export type XmlField = z.infer<typeof field>;

const answerSchema = z.object({
  '@_fraction': z.string().default('0'),
  '@_format': z.string().optional(),
  text: z.string().default(''),
  file: z.array(fileSchema).default([]),
  feedback: field.optional(),
});
export type XmlAnswer = z.infer<typeof answerSchema>;

/** Any question element: its type attribute, and what a category, a choice or a true/false question holds. */
export const xmlQuestionSchema = z.object({
  '@_type': z.string(),
  name: field.optional(),
  category: field.optional(),
  questiontext: field.optional(),
  generalfeedback: field.optional(),
  single: z.string().optional(),
  answer: z.array(answerSchema).default([]),
  tags: z.union([z.string(), z.object({ tag: z.array(field).default([]) })]).optional(),
  image: z.string().optional(),
  image_base64: z.string().optional(),
  hint: z.array(z.unknown()).default([]),
  correctfeedback: field.optional(),
  partiallycorrectfeedback: field.optional(),
  incorrectfeedback: field.optional(),
});
export type XmlQuestion = z.infer<typeof xmlQuestionSchema>;

const fileShape = z.object({ quiz: z.object({ question: z.array(z.unknown()).default([]) }) });

// Elements that repeat are always arrays, so one answer and five answers read the same way.
const REPEATED = new Set(['question', 'answer', 'file', 'tag', 'hint']);

/** The <question> elements of a Moodle XML file, unchecked; throws when the file is not Moodle question XML. */
export function parseMoodleXml(xml: string): unknown[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
  const parsed = fileShape.safeParse(parser.parse(xml));
  if (!parsed.success) throw new Error('not a Moodle question export: the root element must be <quiz>');
  return parsed.data.quiz.question;
}

/** The question's name, as Moodle shows it. */
export function questionName(raw: unknown, index: number): string {
  const named = z.object({ name: field }).safeParse(raw);
  return named.success && named.data.name.text.trim() !== '' ? named.data.name.text.trim() : `question ${index + 1}`;
}
