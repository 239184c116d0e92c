import 'server-only';
// A lesson as a low-data page: one HTML document with its CSS inlined and no script at all.
// Images become tap-to-open placeholders, videos a link and their transcript, and knowledge
// checks reveal their answer in a <details> element, so everything works offline and without JS.
import { statSync } from 'node:fs';
import path from 'node:path';
import { getMDXExport } from 'mdx-bundler/client';
import type { Lesson, Module } from '@/lib/content/load-modules';
import type { PhrasePanelDef } from '@/lib/content/schemas/phrases';
import type { Reference } from '@/lib/content/schemas/reference';
import { formatBytes } from '@/lib/format/bytes';
import { type Child, Html, escapeHtml, h, htmlRuntime, renderChildren } from './html';
import { liteCss } from './styles';

/** What opening a file under public/ will cost, for the learner to decide ('' if unknown). */
function costOf(src: string): string {
  if (!src.startsWith('/')) return '';
  try {
    return ` (${formatBytes(statSync(path.join(process.cwd(), 'public', src)).size)})`;
  } catch {
    return '';
  }
}

const calloutLabel: Record<string, string> = { info: 'Note', warning: 'Caution', redflag: 'Red flag' };

type P = Record<string, unknown> & { children?: Child };
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function referenceList(refs: (Reference | undefined)[], heading: string): Html | null {
  const list = refs.filter((r): r is Reference => r !== undefined);
  if (list.length === 0) return null;
  return h(
    'section',
    { className: 'refs' },
    h('h2', null, heading),
    h('ol', null, ...list.map((r) => h('li', null, r.citation, ' ', r.url ? h('a', { href: r.url }, r.url) : null))),
  );
}

function trainerNote(what: string): Html {
  return h(
    'aside',
    { className: 'info' },
    h('strong', null, 'Practice: '),
    `the full page of this lesson has an interactive trainer for ${what}. It needs JavaScript, so this low-data page leaves it out; to use it, turn low-data mode off in `,
    h('a', { href: '/settings/data' }, 'Data settings'),
    '.',
  );
}

/** A "say it in Urdu" panel as text: English, Urdu script and Roman Urdu, and its review state (a draft until the full page says otherwise). */
function phrasePanel(panel: PhrasePanelDef | undefined): Html | null {
  if (!panel) return null;
  return h(
    'section',
    { className: 'kc' },
    h('h2', null, `Say it in Urdu: ${panel.title}`),
    h('p', { className: 'muted' }, 'Urdu: draft awaiting review by a native speaker (the full page says when a native speaker has reviewed it).'),
    h('dl', null, ...panel.phrases.flatMap((p) => [h('dt', null, h('strong', null, p.en)), h('dd', { lang: 'ur', dir: 'rtl' }, p.ur.script), h('dd', { lang: 'ur-Latn' }, p.ur.roman)])),
  );
}

/** The lesson components (content/README.md) in their low-data form. */
function liteComponents(lesson: Lesson, references: Map<string, Reference>, phrases: ReadonlyMap<string, PhrasePanelDef>) {
  const checks = new Map(lesson.meta.checks.map((c) => [c.id, c]));
  return {
    Callout: ({ type, title, children }: P) =>
      h('aside', { className: str(type) || 'info' }, h('strong', null, calloutLabel[str(type)] ?? 'Note', title ? `: ${str(title)}` : ''), children),
    Figure: ({ src, alt, caption }: P) => h('a', { className: 'ph', href: str(src) }, `Image: ${str(alt)}${caption ? ` — ${str(caption)}` : ''}. Tap to open${costOf(str(src))}.`),
    Video: ({ src, title, duration, children }: P) =>
      h(
        'section',
        null,
        h('a', { className: 'ph', href: str(src) }, `Video: ${str(title)} (${str(duration)}). It does not load on its own; tap to open it${costOf(str(src))}.`),
        children,
      ),
    KnowledgeCheck: ({ id }: P) => {
      const check = checks.get(str(id));
      if (!check) return null;
      return h(
        'div',
        { className: 'kc' },
        h('p', null, h('strong', null, 'Check your understanding.'), ' ', check.question),
        h('ol', { type: 'A' }, ...check.options.map((o) => h('li', null, o))),
        h(
          'details',
          null,
          h('summary', null, 'Choose your answer, then show the right one'),
          h('p', null, h('strong', null, `${String.fromCharCode(65 + check.answer)}. ${check.options[check.answer]}`)),
          h('p', null, check.explanation),
        ),
      );
    },
    References: ({ ids }: P) => referenceList(str(ids).split(',').map((id) => references.get(id.trim())), 'Sources for this section'),
    // Trainers need script, which this page never loads: say what the full page offers instead.
    BreathCountTrainer: () => trainerNote('counting a child\'s breathing over a full minute'),
    BpDiaryTrainer: () => trainerNote('reading a week of home blood pressure the NICE way'),
    SayItInUrdu: ({ id }: P) => phrasePanel(phrases.get(str(id))),
  };
}

export type LiteLessonInput = { module: Module; lesson: Lesson; previous?: Lesson; next?: Lesson; code: string; references: Map<string, Reference>; phrases?: ReadonlyMap<string, PhrasePanelDef> };

/** The complete low-data HTML document of a lesson. */
export function liteLessonHtml({ module: mod, lesson, previous, next, code, references, phrases = new Map() }: LiteLessonInput): string {
  const Content = getMDXExport(code, { _jsx_runtime: htmlRuntime }).default as unknown as (props: { components: ReturnType<typeof liteComponents> }) => Child;
  const base = `/modules/${mod.slug}`;
  const body = [
    h('header', null, h('p', { className: 'muted' }, h('a', { href: '/modules' }, 'Modules'), ' › ', h('a', { href: base }, mod.meta.title), ' · Low-data page · ', h('a', { href: '/settings/data' }, 'Data settings'))),
    h(
      'main',
      { id: 'main' },
      h('h1', null, lesson.meta.title),
      h('p', { className: 'muted' }, `Lesson ${lesson.index + 1} of ${mod.lessons.length} · ${lesson.meta.minutes} min read · `, h('a', { href: `/lite/review/${mod.slug}/${lesson.slug}` }, 'Clinical review status')),
      new Html(renderChildren(Content({ components: liteComponents(lesson, references, phrases) }))),
      h(
        'form',
        { method: 'post', action: `/api/progress${base}` },
        h('input', { type: 'hidden', name: 'lesson', value: lesson.slug }),
        h('button', { type: 'submit' }, 'Mark lesson complete'),
      ),
      h(
        'nav',
        { className: 'pn', 'aria-label': 'Lessons' },
        previous ? h('a', { href: `${base}/${previous.slug}` }, `← ${previous.meta.title}`) : h('span', null),
        next ? h('a', { href: `${base}/${next.slug}` }, `Next: ${next.meta.title} →`) : h('a', { href: base }, 'Back to the module'),
      ),
      referenceList(lesson.meta.references.map((id) => references.get(id)), 'References'),
    ),
    h('footer', null, h('p', null, 'Every patient on this site is fictional. Clinical content cites its sources; follow your local protocols and regulator.')),
  ];
  const title = escapeHtml(`${lesson.meta.title} · ${mod.meta.title} · TeleHealth Ready`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><link rel="canonical" href="${base}/${lesson.slug}"><style>${liteCss}</style></head><body>${renderChildren(body)}</body></html>`;
}
