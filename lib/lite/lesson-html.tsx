import 'server-only';
// A lesson as a low-data page: one HTML document with its CSS inlined and no script at all.
// Images become tap-to-open placeholders, videos a link and their transcript, and knowledge
// checks reveal their answer in a <details> element, so everything works offline and without JS.
import { statSync } from 'node:fs';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Lesson, Module } from '@/lib/content/load-modules';
import type { Reference } from '@/lib/content/schemas/reference';
import { liteCss } from './styles';

/** The size of a file under public/, for telling a learner what a tap will cost; null if unknown. */
function publicFileKb(src: string): number | null {
  if (!src.startsWith('/')) return null;
  try {
    return Math.max(1, Math.round(statSync(path.join(process.cwd(), 'public', src)).size / 1024));
  } catch {
    return null;
  }
}

const costOf = (src: string) => {
  const kb = publicFileKb(src);
  return kb === null ? '' : ` (${kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} kB`})`;
};

const calloutLabel = { info: 'Note', warning: 'Caution', redflag: 'Red flag' } as const;

function liteComponents(lesson: Lesson, references: Map<string, Reference>) {
  const checks = new Map(lesson.meta.checks.map((c) => [c.id, c]));
  return {
    Callout: ({ type = 'info', title, children }: { type?: keyof typeof calloutLabel; title?: string; children: React.ReactNode }) => (
      <aside className={type}>
        <strong>
          {calloutLabel[type]}
          {title ? `: ${title}` : ''}
        </strong>
        {children}
      </aside>
    ),
    Figure: ({ src, alt, caption }: { src: string; alt: string; caption?: string }) => (
      <a className="ph" href={src}>
        Image: {alt}
        {caption ? ` — ${caption}` : ''}. Tap to open{costOf(src)}.
      </a>
    ),
    Video: ({ src, title, duration, children }: { src: string; title: string; duration: string; children?: React.ReactNode }) => (
      <section>
        <a className="ph" href={src}>
          Video: {title} ({duration}). It does not load on its own; tap to open it{costOf(src)}.
        </a>
        {children}
      </section>
    ),
    KnowledgeCheck: ({ id }: { id: string }) => {
      const check = checks.get(id);
      if (!check) return null;
      return (
        <div className="kc">
          <p>
            <strong>Check your understanding.</strong> {check.question}
          </p>
          <ol type="A">
            {check.options.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ol>
          <details>
            <summary>Choose your answer, then show the right one</summary>
            <p>
              <strong>
                {String.fromCharCode(65 + check.answer)}. {check.options[check.answer]}
              </strong>
            </p>
            <p>{check.explanation}</p>
          </details>
        </div>
      );
    },
    References: ({ ids }: { ids: string }) => <ReferenceItems refs={ids.split(',').map((id) => references.get(id.trim()))} heading="Sources for this section" />,
  };
}

function ReferenceItems({ refs, heading }: { refs: (Reference | undefined)[]; heading: string }) {
  const list = refs.filter((r): r is Reference => r !== undefined);
  if (list.length === 0) return null;
  return (
    <section className="refs">
      <h2>{heading}</h2>
      <ol>
        {list.map((r) => (
          <li key={r.id}>
            {r.citation} {r.url ? <a href={r.url}>{r.url}</a> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export type LiteLessonInput = { module: Module; lesson: Lesson; previous?: Lesson; next?: Lesson; code: string; references: Map<string, Reference> };

/** The complete low-data HTML document of a lesson. */
export function liteLessonHtml({ module: mod, lesson, previous, next, code, references }: LiteLessonInput): string {
  const Content = getMDXComponent(code);
  const lessonPath = `/modules/${mod.slug}/${lesson.slug}`;
  const body = renderToStaticMarkup(
    <>
      <header>
        <p className="muted">
          <a href="/modules">Modules</a> › <a href={`/modules/${mod.slug}`}>{mod.meta.title}</a> · Low-data page ·{' '}
          <a href="/settings/data">Data settings</a>
        </p>
      </header>
      <main id="main">
        <h1>{lesson.meta.title}</h1>
        <p className="muted">
          Lesson {lesson.index + 1} of {mod.lessons.length} · {lesson.meta.minutes} min read
        </p>
        <Content components={liteComponents(lesson, references)} />
        <form method="post" action={`/api/progress/modules/${mod.slug}`}>
          <input type="hidden" name="lesson" value={lesson.slug} />
          <button type="submit">Mark lesson complete</button>
        </form>
        <nav className="pn" aria-label="Lessons">
          {previous ? <a href={`/modules/${mod.slug}/${previous.slug}`}>← {previous.meta.title}</a> : <span />}
          {next ? <a href={`/modules/${mod.slug}/${next.slug}`}>Next: {next.meta.title} →</a> : <a href={`/modules/${mod.slug}`}>Back to the module</a>}
        </nav>
        <ReferenceItems refs={lesson.meta.references.map((id) => references.get(id))} heading="References" />
      </main>
      <footer>
        <p>Every patient on this site is fictional. Clinical content cites its sources; follow your local protocols and regulator.</p>
      </footer>
    </>,
  );
  const title = `${lesson.meta.title} · ${mod.meta.title} · TeleHealth Ready`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><link rel="canonical" href="${lessonPath}"><style>${liteCss}</style></head><body>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
