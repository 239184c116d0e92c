// Moodle XML → imported questions (multichoice and truefalse), skipped questions named with their
// reason, and the embedded files as media. Pure: the caller reads the file and writes the results.
import { type ImportedChoice, type ImportedFile, type ImportedQuestion, type SkippedQuestion, categoryTag, skipReason } from './imported';
import { type MediaResolver, htmlToMarkdown, markdownToHtml, mdastToMarkdown, plainToMarkdown } from './markdown';
import { MediaStore, decodeBase64 } from './media';
import { type XmlAnswer, type XmlField, type XmlFile, type XmlQuestion, parseMoodleXml, questionName, xmlQuestionSchema } from './moodle-xml-shape';

/** Where a bank's media are served: public/media/quizzes/<bank id>/ (see content/README.md). */
export const mediaBaseUrl = (bankId: string) => `/media/quizzes/${bankId}`;

type Ctx = { store: MediaStore; notes: string[]; files: XmlFile[] };

/** A resolver over the field's own files first, then the question's: Moodle scopes files to a field. */
function resolverFor(ctx: Ctx, own: XmlFile[]): MediaResolver {
  const cache = new Map<string, string | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const file = own.find((f) => f['@_name'] === name) ?? ctx.files.find((f) => f['@_name'] === name);
    const bytes = file && file['@_encoding'] === 'base64' ? decodeBase64(file['#text']) : undefined;
    let url: string | undefined;
    if (bytes) {
      const stored = ctx.store.add(name, bytes);
      if ('url' in stored) url = stored.url;
      else ctx.notes.push(`file ${stored.refused}`);
    }
    cache.set(name, url);
    return url;
  };
}

/** A Moodle text in its format, as safe Markdown. */
function toMarkdown(text: string, format: string | undefined, resolve: MediaResolver, notes: string[]): string {
  switch (format) {
    case 'plain_text':
      return plainToMarkdown(text);
    case 'markdown':
      return htmlToMarkdown(markdownToHtml(text, (url) => url), resolve, notes);
    default: // html, moodle_auto_format and the legacy formats all allow HTML
      return htmlToMarkdown(text, resolve, notes);
  }
}

const fieldMarkdown = (ctx: Ctx, f: XmlField | undefined) => (f ? toMarkdown(f.text, f['@_format'], resolverFor(ctx, f.file), ctx.notes) : '');

function choiceOf(ctx: Ctx, answer: XmlAnswer): ImportedChoice {
  const fraction = Number(answer['@_fraction']);
  return {
    text: toMarkdown(answer.text, answer['@_format'], resolverFor(ctx, answer.file), ctx.notes),
    fraction: Number.isFinite(fraction) ? fraction : 0,
    feedback: fieldMarkdown(ctx, answer.feedback),
  };
}

/** The legacy (Moodle 1.9) <image> with <image_base64>, shown after the question text. */
function legacyImage(ctx: Ctx, q: XmlQuestion): string {
  if (!q.image) return '';
  const bytes = q.image_base64 ? decodeBase64(q.image_base64) : undefined;
  if (!bytes) {
    ctx.notes.push(`legacy image ${q.image} dropped: the file does not carry it`);
    return '';
  }
  const stored = ctx.store.add(q.image, bytes);
  if ('refused' in stored) {
    ctx.notes.push(`file ${stored.refused}`);
    return '';
  }
  const alt = q.image.split('/').pop()?.replace(/\.[^.]+$/, '') ?? 'image';
  return mdastToMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'image', url: stored.url, alt }] }] });
}

function droppedFeatures(q: XmlQuestion): string[] {
  const combined = [q.correctfeedback, q.partiallycorrectfeedback, q.incorrectfeedback].some((f) => f && f.text.trim() !== '');
  return [
    ...(q.hint.length > 0 ? [`${q.hint.length} hint(s) not imported: the platform gives no hints`] : []),
    ...(combined ? ['combined feedback (correct / partially correct / incorrect) not imported: the rationale holds the general and per-option feedback'] : []),
  ];
}

function trueFalseChoices(ctx: Ctx, q: XmlQuestion): ImportedChoice[] {
  const answers = q.answer.map((a, i) => ({ a, is: a.text.trim().toLowerCase() === 'true' || a.text.trim().toLowerCase() === 'false' ? a.text.trim().toLowerCase() : i === 0 ? 'true' : 'false' }));
  if (answers.some(({ a }) => !['true', 'false'].includes(a.text.trim().toLowerCase()))) ctx.notes.push('answers not written "true"/"false": read in order, true first');
  const pick = (which: string) => answers.find((x) => x.is === which)?.a;
  return [pick('true'), pick('false')].flatMap((a, i) => (a ? [{ ...choiceOf(ctx, a), text: i === 0 ? 'True' : 'False' }] : []));
}

function readQuestion(q: XmlQuestion, name: string, store: MediaStore, tags: string[]): ImportedQuestion {
  const files = [q.questiontext, q.generalfeedback, ...q.answer.flatMap((a) => [a, a.feedback])].flatMap((f) => f?.file ?? []);
  const ctx: Ctx = { store, notes: [], files };
  const stem = [fieldMarkdown(ctx, q.questiontext), legacyImage(ctx, q)].filter(Boolean).join('\n\n');
  const kind = q['@_type'] === 'truefalse' ? 'true-false' : 'choice';
  const own = typeof q.tags === 'object' ? q.tags.tag.map((t) => t.text.trim()).filter(Boolean) : [];
  return {
    name,
    kind,
    single: kind === 'true-false' || !['false', '0'].includes((q.single ?? 'true').trim().toLowerCase()),
    stem,
    generalFeedback: fieldMarkdown(ctx, q.generalfeedback),
    choices: kind === 'true-false' ? trueFalseChoices(ctx, q) : q.answer.map((a) => choiceOf(ctx, a)),
    tags: [...new Set([...tags, ...own])],
    notes: [...droppedFeatures(q), ...ctx.notes],
  };
}

/** Reads a Moodle XML export. Throws only when the file as a whole is not Moodle question XML. */
export function readMoodleXml(xml: string, opts: { bankId: string }): ImportedFile {
  const store = new MediaStore(mediaBaseUrl(opts.bankId));
  const questions: ImportedQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  let category: string | undefined;
  parseMoodleXml(xml).forEach((raw, index) => {
    const name = questionName(raw, index);
    const parsed = xmlQuestionSchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push({ name, type: 'unknown', reason: `it could not be read (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})` });
      return;
    }
    const q = parsed.data;
    const type = q['@_type'];
    if (type === 'category') {
      category = categoryTag(q.category?.text ?? '');
      return;
    }
    if (type !== 'multichoice' && type !== 'truefalse') {
      skipped.push({ name, type, reason: skipReason(type) });
      return;
    }
    try {
      questions.push(readQuestion(q, name, store, category ? [category] : []));
    } catch (error) {
      skipped.push({ name, type, reason: `it could not be converted (${error instanceof Error ? error.message : String(error)})` });
    }
  });
  return { questions, skipped, media: store.files };
}
