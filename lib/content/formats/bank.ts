// An imported file as a draft bank in the project's format, with the report an educator reads:
// what was imported, what was skipped and why, what changed on the way, what the draft still needs.
import type { BlockContent, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { type MultipleResponse, type QuestionDef, type QuizDef, draftGaps, quizSchema } from '@/lib/content/schemas/quiz';
import type { ImportedChoice, ImportedFile, ImportedQuestion, SkippedQuestion } from './imported';
import { markdownToText, mdastToMarkdown } from './markdown';
import { parseMarkdown } from './mdast';

export type BankOptions = { id: string; module: string; title: string };

/** What the import did, question by question. */
export type ImportReport = {
  imported: { id: string; name: string; type: QuestionDef['type'] }[];
  skipped: SkippedQuestion[];
  /** Per imported question: what Moodle had that the bank does not keep, or scores differently. */
  notes: { id: string; note: string }[];
  /** What the draft needs before it can be published (references, competency tags, rationales). */
  gaps: string[];
  media: string[];
};

/** A slug from a question name: lowercase words joined by dashes. */
export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Option ids a, b, … z, then aa, ab, …: what the hand-written banks use. */
export function optionId(index: number): string {
  const letter = (i: number) => String.fromCharCode(97 + i);
  return index < 26 ? letter(index) : `${optionId(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
}

const percent = (fraction: number) => `${Number(fraction.toFixed(5))}%`;

/** The words of an option, without its images unless it has nothing else. */
function optionLabel(text: string, id: string): string {
  return markdownToText(text, { images: false }) || markdownToText(text) || `Option ${id}`;
}

const isBlock = (n: RootContent): n is BlockContent => ['paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'table', 'code', 'html'].includes(n.type);

/** General feedback, then each option's own feedback in a list: one rationale, as the bank has one. */
export function composeRationale(general: string, feedback: { label: string; text: string }[]): string {
  const items: ListItem[] = feedback
    .filter((f) => f.text !== '')
    .map(({ label, text }) => {
      const [first, ...rest] = parseMarkdown(text).children;
      const lead: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: ': ' }];
      const head = first?.type === 'paragraph' ? [{ ...first, children: [...lead, ...first.children] }] : [{ type: 'paragraph' as const, children: lead }, ...(first ? [first] : [])];
      return { type: 'listItem', spread: false, children: [...head, ...rest].filter(isBlock) } satisfies ListItem;
    });
  const list: List[] = items.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children: items }];
  return mdastToMarkdown({ type: 'root', children: [...parseMarkdown(general).children, ...list] });
}

type Built = { question: QuestionDef; notes: string[] } | { skip: string };

function buildChoice(q: ImportedQuestion, id: string): Built {
  const choices = q.choices.filter((c) => c.text !== '');
  if (choices.length < 2) return { skip: 'it has fewer than two options' };
  const options = choices.map((c, i) => ({ id: optionId(i), text: c.text }));
  const notes: string[] = [];
  let key: string[];
  if (q.single) {
    const best = Math.max(...choices.map((c) => c.fraction));
    if (best <= 0) return { skip: 'no option earns any credit' };
    key = choices.flatMap((c, i) => (c.fraction === best ? [optionId(i)] : []));
    if (key.length > 1) return { skip: `${key.length} options earn full credit, but a one-answer question has one key` };
    if (best < 100) notes.push(`its best option earns ${percent(best)} in Moodle; here it is the key and earns the full mark`);
    for (const [i, c] of choices.entries()) {
      if (c.fraction > 0 && c.fraction < best) notes.push(`partial credit (${percent(c.fraction)}) for option ${optionId(i)} dropped: a one-answer question is right or wrong`);
    }
  } else {
    key = choices.flatMap((c, i) => (c.fraction > 0 ? [optionId(i)] : []));
    if (key.length === 0) return { skip: 'no option earns any credit' };
    const shares = new Set(choices.filter((c) => c.fraction > 0).map((c) => c.fraction));
    if (shares.size > 1) notes.push(`its right options earn unequal shares in Moodle (${[...shares].map(percent).join(', ')}); here each earns an equal share`);
  }
  const type = q.single ? 'single' : 'multiple';
  return { question: { id, type, stem: q.stem, options, key, rationale: rationaleOf(q, choices, options.map((o) => o.id)), references: [], competencies: [], tags: q.tags }, notes };
}

function rationaleOf(q: ImportedQuestion, choices: ImportedChoice[], ids: string[]): string {
  return composeRationale(q.generalFeedback, choices.map((c, i) => ({ label: optionLabel(c.text, ids[i] ?? ''), text: c.feedback })));
}

function buildTrueFalse(q: ImportedQuestion, id: string): Built {
  const [t, f] = q.choices;
  if (!t || !f || t.fraction === f.fraction) return { skip: 'neither answer is marked right' };
  const options = [{ id: 't', text: 'True' }, { id: 'f', text: 'False' }];
  return { question: { id, type: 'true-false', stem: q.stem, options, key: [t.fraction > f.fraction ? 't' : 'f'], rationale: rationaleOf(q, [t, f], ['t', 'f']), references: [], competencies: [], tags: q.tags }, notes: [] };
}

/** Which multiple-response rule matches Moodle's fractions: wrong options at 0 cost nothing; at minus a right option's share, they cancel one. */
function multipleResponseFor(questions: ImportedQuestion[]): { policy: MultipleResponse; misfits: Set<ImportedQuestion> } {
  const multiple = questions.filter((q) => q.kind === 'choice' && !q.single);
  const fits = (policy: MultipleResponse, q: ImportedQuestion) => {
    const right = q.choices.filter((c) => c.fraction > 0);
    const share = right[0]?.fraction ?? 0;
    const wrongCost = policy === 'no-penalty' ? 0 : -share;
    return right.every((c) => c.fraction === share) && q.choices.every((c) => c.fraction > 0 || c.text === '' || Math.abs(c.fraction - wrongCost) < 1e-3);
  };
  const noPenalty = multiple.filter((q) => fits('no-penalty', q));
  const partial = multiple.filter((q) => fits('partial', q));
  const policy: MultipleResponse = noPenalty.length > partial.length ? 'no-penalty' : 'partial';
  const fitting = new Set(policy === 'no-penalty' ? noPenalty : partial);
  return { policy, misfits: new Set(multiple.filter((q) => !fitting.has(q))) };
}

/** The draft bank (undefined when no question could be imported) and the report. */
export function buildBank(file: ImportedFile, opts: BankOptions): { bank: QuizDef | undefined; report: ImportReport } {
  const report: ImportReport = { imported: [], skipped: [...file.skipped], notes: [], gaps: [], media: file.media.map((m) => m.name) };
  const { policy, misfits } = multipleResponseFor(file.questions);
  const questions: QuestionDef[] = [];
  const used = new Set<string>();
  for (const q of file.questions) {
    const base = slugify(q.name) || 'question';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    const built = q.kind === 'true-false' ? buildTrueFalse(q, id) : buildChoice(q, id);
    if ('skip' in built) {
      report.skipped.push({ name: q.name, type: q.kind === 'true-false' ? 'truefalse' : 'multichoice', reason: built.skip });
      continue;
    }
    used.add(id);
    questions.push(built.question);
    report.imported.push({ id, name: q.name, type: built.question.type });
    const policyNote = misfits.has(q) ? [`Moodle scores its options (${q.choices.map((c) => percent(c.fraction)).join(', ')}) differently from this bank's ${policy} rule`] : [];
    for (const note of [...q.notes, ...built.notes, ...policyNote]) report.notes.push({ id, note });
  }
  if (questions.length === 0) return { bank: undefined, report };
  const bank = quizSchema.parse({
    ...opts,
    status: 'draft',
    draw: { count: questions.length },
    passMark: 70,
    multipleResponse: policy,
    review: 'full',
    questions,
  });
  report.gaps = draftGaps(bank);
  return { bank, report };
}
