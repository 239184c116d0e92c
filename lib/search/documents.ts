// The pages site search covers, from the content of this build: lessons (title, headings, text),
// modules, quizzes by topic and case briefs. Only what a visitor can already read is indexed:
// never a quiz's questions or keys, never a case's debrief (and a case's brief passes the spoiler
// check), so the index cannot give an answer away.
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Catalog } from '@/lib/content/catalog';
import type { SearchDocument } from './options';

const EXCERPT_CHARS = 160;

function plain(node: RootContent | Root): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'code') return '';
  return 'children' in node ? node.children.map(plain).join(node.type === 'root' || node.type === 'list' ? '\n' : '') : '';
}

/** A lesson's headings and prose. MDX elements (<KnowledgeCheck/>, <Video/>) are left out: their text lives in frontmatter. */
export function lessonText(body: string): { headings: string[]; text: string } {
  // Lines that are MDX elements or imports are not Markdown; drop them before parsing.
  const markdown = body
    .split('\n')
    .filter((line) => !/^\s*(<\/?[A-Z]|import |export )/.test(line))
    .join('\n');
  const tree = fromMarkdown(markdown);
  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') headings.push(plain(node));
    else paragraphs.push(plain(node));
  }
  return { headings, text: paragraphs.join('\n').replace(/\s+/g, ' ').trim() };
}

const excerpt = (text: string) => (text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS - 1).replace(/\s+\S*$/, '')}…`);

/** Every searchable page of the catalog, with its URL as id. */
export function searchDocuments(catalog: Pick<Catalog, 'modules' | 'quizzes' | 'cases' | 'competencies'>): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const domainTitles = new Map<string, string>(catalog.competencies.domains.map((d) => [d.id, d.title]));
  const domainsOf = (tags: readonly string[]) => [...new Set(tags.map((t) => domainTitles.get(t.slice(0, 2))).filter((t) => t !== undefined))];
  for (const m of catalog.modules) {
    docs.push({
      id: `/modules/${m.slug}`,
      kind: 'module',
      title: m.meta.title,
      context: domainsOf(m.meta.competencies).join(' · '),
      headings: m.meta.objectives.join('\n'),
      text: m.meta.summary,
      excerpt: excerpt(m.meta.summary),
      minutes: m.meta.minutes,
    });
    for (const l of m.lessons) {
      const { headings, text } = lessonText(l.body);
      docs.push({
        id: `/modules/${m.slug}/${l.slug}`,
        kind: 'lesson',
        title: l.meta.title,
        context: m.meta.title,
        headings: headings.join('\n'),
        text: `${l.meta.description} ${text}`,
        excerpt: excerpt(l.meta.description),
        minutes: l.meta.minutes,
      });
    }
  }
  for (const { def } of catalog.quizzes) {
    const mod = catalog.modules.find((m) => m.slug === def.module);
    // Topics only: the competencies its questions assess, by name. Never a stem, an option or a key.
    const topics = domainsOf(def.questions.flatMap((q) => q.competencies));
    docs.push({
      id: `/quizzes/${def.id}`,
      kind: 'quiz',
      title: def.title,
      context: mod?.meta.title ?? '',
      headings: topics.join('\n'),
      text: '',
      excerpt: excerpt(`${def.draw.count} questions on ${topics.join(', ')}.`),
      minutes: def.timeLimitMinutes ?? 0,
    });
  }
  for (const { def } of catalog.cases) {
    docs.push({
      id: `/consults/${def.id}`,
      kind: 'case',
      title: def.title,
      context: def.setting,
      headings: def.brief.present,
      text: `${def.summary} ${def.brief.complaint.text} ${def.language ?? ''}`,
      excerpt: excerpt(def.summary),
      minutes: def.minutes,
    });
  }
  return docs;
}
