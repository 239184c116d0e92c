// Quiz text is Markdown rendered from its syntax tree: imported images show, nothing a bank holds
// becomes markup, and the hand-written banks read exactly as they did as plain paragraphs.
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { markdownToText } from '@/lib/content/formats/markdown';
import { quizSchema } from '@/lib/content/schemas/quiz';
import { InlineMarkdown, Markdown } from '@/components/quiz/Markdown';

const block = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
const inline = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe('Markdown in questions', () => {
  test.each([
    { name: 'a bank image shows', md: '![French flag](/media/quizzes/b/flag.jpg) French', html: '<img src="/media/quizzes/b/flag.jpg" alt="French flag" loading="lazy" class="inline-block max-h-64 max-w-full align-middle"/> French' },
    { name: 'a remote image shows only its description', md: '![ECG](https://tracker.example/p.png) strip', html: 'ECG strip' },
    { name: 'a path out of /media/ is not an image', md: '![x](/media/../secret.png)', html: 'x' },
    { name: 'raw HTML tags are dropped (what sat between them stays as text), never markup', md: 'a <script>alert(1)</script> b <img src=x onerror=alert(1)>', html: 'a alert(1) b ' },
    { name: 'a javascript: link is plain text', md: '[click](javascript:alert(1))', html: '<span>click</span>' },
    { name: 'a web link opens without the opener', md: '[WHO](https://www.who.int)', html: '<a href="https://www.who.int" rel="noopener noreferrer">WHO</a>' },
    { name: 'emphasis', md: '**Fever** and *rash*', html: '<strong>Fever</strong> and <em>rash</em>' },
  ])('$name', ({ md, html }) => {
    expect(inline(md)).toBe(html);
  });

  test('paragraphs are spaced as before; a list renders as a list', () => {
    expect(block('One.\n\nTwo.\n\n* a\n* b')).toBe('<div><p class="m-0">One.</p><p class="mt-2">Two.</p><div class="mt-2"><ul class="list-disc ps-5"><li>a</li><li>b</li></ul></div></div>');
  });
});

test('every text of the shipped banks reads the same words as Markdown as it did as plain paragraphs', () => {
  const dir = new URL('../../content/quizzes/', import.meta.url);
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => quizSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))).questions)
    .flatMap((q) => [q.stem, q.vignette ?? '', q.rationale, ...q.options.map((o) => o.text)]);
  expect(texts.length).toBeGreaterThan(1000);
  expect(texts.filter((t) => markdownToText(t) !== t.replace(/\s+/g, ' ').trim())).toEqual([]);
}, 60_000); // 233 questions parsed twice: seconds on a loaded machine
