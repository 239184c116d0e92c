// GIFT → imported questions, following Moodle's own reader (question/format/gift/format.php):
// questions are separated by blank lines, `//` lines are comments, `\` escapes ~ = # { } :, and the
// answer block decides the type. GIFT carries no files, so nothing here makes media.
import { type ImportedChoice, type ImportedFile, type ImportedQuestion, type SkippedQuestion, categoryTag, skipReason } from './imported';
import { htmlToMarkdown, markdownToHtml, plainToMarkdown } from './markdown';

const noMedia = () => undefined;

/** Index of the first `token` in `text` at or after `from` that no backslash escapes, or -1. */
function findUnescaped(text: string, token: string, from = 0): number {
  for (let i = from; i <= text.length - token.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(token, i)) return i;
  }
  return -1;
}

/** `text` cut at each unescaped `token`. */
function splitUnescaped(text: string, token: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = findUnescaped(text, token); at !== -1; at = findUnescaped(text, token, start)) {
    parts.push(text.slice(start, at));
    start = at + token.length;
  }
  return [...parts, text.slice(start)];
}

const unescape = (text: string) => text.replace(/\\n/g, '\n').replace(/\\([~=#{}:\\])/g, '$1');

/** A GIFT text with its optional [format] prefix, as safe Markdown. */
function giftMarkdown(raw: string, notes: string[]): string {
  const trimmed = raw.trim();
  const match = /^\[(html|moodle|plain|markdown)\]/.exec(trimmed);
  const text = unescape(match ? trimmed.slice(match[0].length) : trimmed).trim();
  switch (match?.[1]) {
    case 'plain':
      return plainToMarkdown(text);
    case 'markdown':
      return htmlToMarkdown(markdownToHtml(text, (url) => url), noMedia, notes);
    default: // html and moodle (the default) both allow HTML
      return htmlToMarkdown(text, noMedia, notes);
  }
}

/** "~%50%yellow # right" → fraction, text and feedback. */
function giftChoice(marker: string, body: string, notes: string[]): ImportedChoice {
  const weight = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
  const rest = weight ? body.slice(weight[0].length) : body;
  const [text = '', ...feedback] = splitUnescaped(rest, '#');
  const fraction = weight ? Number(weight[1]) : marker === '=' ? 100 : 0;
  return { text: giftMarkdown(text, notes), fraction, feedback: giftMarkdown(feedback.join('#'), notes) };
}

/** The choices of "=a ~b ~%50%c", each starting at an unescaped = or ~. */
function giftChoices(answers: string, notes: string[]): ImportedChoice[] {
  const choices: ImportedChoice[] = [];
  let marker = '';
  let start = -1;
  for (let i = 0; i <= answers.length; i++) {
    if (answers[i] === '\\') {
      i++;
      continue;
    }
    if (i === answers.length || answers[i] === '=' || answers[i] === '~') {
      if (start >= 0) choices.push(giftChoice(marker, answers.slice(start, i), notes));
      marker = answers[i] ?? '';
      start = i + 1;
    }
  }
  return choices;
}

/** Moodle's order of checks on the answer block. */
function giftType(answers: string): string {
  if (answers.trim() === '') return 'essay';
  if (answers.trim().startsWith('#')) return 'numerical';
  if (findUnescaped(answers, '->') !== -1 && findUnescaped(answers, '=') !== -1) return 'match';
  if (/^(t|f|true|false)$/i.test(splitUnescaped(answers, '#')[0]?.trim() ?? '')) return 'truefalse';
  if (findUnescaped(answers, '~') !== -1) return 'multichoice';
  return 'shortanswer';
}

type Block = { name: string; stem: string; answers: string; after: string } | { name: string; description: true };

function splitBlock(block: string): Block {
  let text = block.trim();
  let name = '';
  if (text.startsWith('::')) {
    const end = findUnescaped(text, '::', 2);
    if (end !== -1) {
      name = unescape(text.slice(2, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }
  const open = findUnescaped(text, '{');
  const close = open === -1 ? -1 : findUnescaped(text, '}', open);
  if (open === -1 || close === -1) return { name: name || unescape(text).slice(0, 40), description: true };
  return { name: name || unescape(text.slice(0, open)).trim().slice(0, 40), stem: text.slice(0, open), answers: text.slice(open + 1, close), after: text.slice(close + 1).trim() };
}

function readBlock(block: Extract<Block, { stem: string }>, tags: string[]): ImportedQuestion | SkippedQuestion {
  const type = giftType(block.answers);
  if (type !== 'multichoice' && type !== 'truefalse') return { name: block.name, type, reason: skipReason(type) };
  const notes: string[] = [];
  // Text after the answers makes a "missing word" question: Moodle puts a blank where the answers were.
  const stemText = block.after === '' ? block.stem : `${block.stem.trimEnd()}_____${block.after}`;
  if (block.after !== '') notes.push('text after the answers kept after a blank (_____), as Moodle reads a missing-word question');
  const [answers = '', ...general] = splitUnescaped(block.answers, '####');
  const base = { name: block.name, stem: giftMarkdown(stemText, notes), generalFeedback: giftMarkdown(general.join('####'), notes), tags, notes };
  if (type === 'truefalse') {
    // {TRUE#feedback if wrong#feedback if right}
    const [answer = '', wrong = '', right = ''] = splitUnescaped(answers, '#');
    const isTrue = /^t/i.test(answer.trim());
    const choice = (value: boolean): ImportedChoice => ({ text: value ? 'True' : 'False', fraction: value === isTrue ? 100 : 0, feedback: giftMarkdown(value === isTrue ? right : wrong, notes) });
    return { ...base, kind: 'true-false', single: true, choices: [choice(true), choice(false)] };
  }
  return { ...base, kind: 'choice', single: findUnescaped(answers, '=') !== -1, choices: giftChoices(answers, notes) };
}

/** Reads a GIFT file. Never throws for one question: what it cannot read is skipped with its reason. */
export function readGift(gift: string): ImportedFile {
  const lines = gift.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => !line.trim().startsWith('//'));
  const blocks = lines.join('\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const questions: ImportedQuestion[] = [];
  const skipped: SkippedQuestion[] = [];
  let category: string | undefined;
  for (const raw of blocks) {
    const cat = /^\$CATEGORY:\s*(.*)$/.exec(raw);
    if (cat) {
      category = categoryTag(cat[1] ?? '');
      continue;
    }
    const block = splitBlock(raw);
    if ('description' in block) {
      skipped.push({ name: block.name, type: 'description', reason: skipReason('description') });
      continue;
    }
    const read = readBlock(block, category ? [category] : []);
    if ('reason' in read) skipped.push(read);
    else questions.push(read);
  }
  return { questions, skipped, media: [] };
}
