// Reading content/REVIEW-NOTES.md as the seed of the review record: which paragraphs concern
// which item, and which of them ask for a sign-off. Pure (the text comes in as a string).

/** A paragraph or list item of the notes, with the headings above it. */
export type NoteBlock = {
  /** 1-based line where it starts, for "see line N". */
  line: number;
  headings: readonly string[];
  /** The items it is nested under, and the sentence that introduces its list ("Needs a clinician's sign-off ([K]):"). */
  context: readonly string[];
  /** Its own lines and any list items nested under it, as written. */
  text: string;
  /** It, or what it sits under, says the point awaits someone's sign-off ([K], [S], "for clinician sign-off"). */
  asksSignOff: boolean;
};

/** How the notes name one item: exact tokens (ids, file names) and, for a lesson, "M<module> Lesson <n>". */
export type NoteTarget = { key: string; tokens: readonly string[]; lesson?: { module: number; number: number } };

type Item = { line: number; headings: string[]; context: string[]; indent: number; own: string[]; ownClosed: boolean; children: string[] };

const bullet = /^(\s*)[-*] /;
const heading = /^(#{1,6}) (.*)$/;

/** Splits the notes into blocks: each paragraph, and each list item (its own lines, then its nested items). */
export function noteBlocks(markdown: string): { block: NoteBlock; own: string }[] {
  const headings: string[] = [];
  const blocks: Item[] = [];
  let stack: Item[] = [];
  let paragraph: Item | null = null;
  // A paragraph ending in a colon introduces the list after it.
  let intro: string | null = null;
  markdown.split(/\r?\n/).forEach((text, i) => {
    const h = heading.exec(text);
    if (h) {
      headings.splice(h[1]!.length - 1, headings.length, h[2]!.trim());
      stack = [];
      paragraph = null;
      intro = null;
      return;
    }
    if (text.trim() === '') {
      intro = paragraph && paragraph.own.join(' ').trimEnd().endsWith(':') ? paragraph.own.join('\n') : stack.length > 0 ? intro : null;
      paragraph = null;
      for (const item of stack) item.ownClosed = true;
      return;
    }
    const indent = /^\s*/.exec(text)![0].length;
    const top = stack.at(-1);
    if (bullet.test(text)) {
      if (paragraph) intro = paragraph.own.join(' ').trimEnd().endsWith(':') ? paragraph.own.join('\n') : null;
      paragraph = null;
      // A new item closes the items at its depth or deeper and is nested in those above it.
      stack = stack.filter((item) => item.indent < indent);
      for (const item of stack) item.children.push(text);
      const context = [...(intro ? [intro] : []), ...stack.map((s) => s.own.join('\n'))];
      const item = { line: i + 1, headings: [...headings], context, indent, own: [text], ownClosed: false, children: [] };
      blocks.push(item);
      stack.push(item);
    } else if (top && !top.ownClosed && indent > top.indent) {
      top.own.push(text);
      for (const item of stack.slice(0, -1)) item.children.push(text);
    } else if (stack.length > 0 && indent > stack[0]!.indent) {
      // A later paragraph inside an item: part of the items it is indented under.
      stack = stack.filter((item) => item.indent < indent);
      for (const item of stack) item.children.push(text);
    } else if (paragraph) {
      paragraph.own.push(text);
    } else {
      stack = [];
      intro = null;
      paragraph = { line: i + 1, headings: [...headings], context: [], indent: -1, own: [text], ownClosed: false, children: [] };
      blocks.push(paragraph);
    }
  });
  return blocks.map((b) => {
    const text = [...b.own, ...b.children].join('\n');
    const asksSignOff = [...b.context, text].some((t) => /\[[KS]\]|sign-?off/i.test(t));
    return { own: b.own.join('\n'), block: { line: b.line, headings: b.headings, context: b.context, text, asksSignOff } };
  });
}

/** "M8: Maternal and child health remotely" → 8: the module a bare "Lesson 3" under it belongs to. */
function moduleOfHeadings(headings: readonly string[]): number | undefined {
  for (const h of [...headings].reverse()) {
    const m = /^M(\d{1,2}):/.exec(h);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The tokens a text names: what is between backticks, and the file name at the end of a path. */
function tokensOf(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    const token = m[1]!.trim();
    tokens.add(token);
    tokens.add(token.split('/').at(-1)!);
  }
  return tokens;
}

/** "M8 Lesson 4", "Lessons 3 and 4" (under an "M8:" heading) → [{ module: 8, number: 4 }, …]. */
function lessonsOf(text: string, contextModule: number | undefined): { module: number; number: number }[] {
  const found: { module: number; number: number }[] = [];
  for (const m of text.matchAll(/\b(?:M(\d{1,2}),? )?Lessons? (\d+(?:(?:, | and | or )\d+)*)\b/g)) {
    const order = m[1] ? Number(m[1]) : contextModule;
    if (order === undefined) continue;
    for (const n of m[2]!.match(/\d+/g) ?? []) found.push({ module: order, number: Number(n) });
  }
  return found;
}

/**
 * The blocks that concern each target: a block names it in its own lines (an id or file name in
 * backticks, or "M8 Lesson 4"; a bare "Lesson 4" under a module's heading), or a heading above the
 * block names it (a case's section). Keys with no block are absent.
 */
export function notesConcerning(markdown: string, targets: readonly NoteTarget[]): Map<string, NoteBlock[]> {
  const byToken = new Map<string, string[]>();
  const byLesson = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, k: string, key: string) => map.set(k, [...(map.get(k) ?? []), key]);
  for (const t of targets) {
    for (const token of t.tokens) add(byToken, token, t.key);
    if (t.lesson) add(byLesson, `${t.lesson.module}:${t.lesson.number}`, t.key);
  }
  const result = new Map<string, NoteBlock[]>();
  for (const { block, own } of noteBlocks(markdown)) {
    const keys = new Set<string>();
    for (const token of [...tokensOf(own), ...block.headings.flatMap((h) => [...tokensOf(h)])]) for (const k of byToken.get(token) ?? []) keys.add(k);
    for (const l of lessonsOf(own, moduleOfHeadings(block.headings))) for (const k of byLesson.get(`${l.module}:${l.number}`) ?? []) keys.add(k);
    for (const k of keys) result.set(k, [...(result.get(k) ?? []), block]);
  }
  return result;
}
