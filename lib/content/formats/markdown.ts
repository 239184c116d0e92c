// Question text between Moodle's HTML and the banks' Markdown. Pure: no fs, no Next.
// HTML is parsed (parse5, through hast), rewritten (media, links), sanitised with the GitHub-style
// allowlist (no script, no style, no event handlers, no unknown protocols) and only then converted,
// so nothing a Moodle file holds can reach a learner's page as markup.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseMarkdown } from './mdast';

export { markdownToText } from './mdast';

/** Where an embedded file reference (`@@PLUGINFILE@@/name`, name decoded) is served, or undefined when there is no such file. */
export type MediaResolver = (name: string) => string | undefined;

const PLUGINFILE = '@@PLUGINFILE@@/';
const SAFE_LINK = /^(?:https?:|mailto:)/i;

function pluginFileName(url: string): string | undefined {
  if (!url.startsWith(PLUGINFILE)) return undefined;
  const raw = url.slice(PLUGINFILE.length).split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const textNode = (value: string): ElementContent => ({ type: 'text', value });
const attr = (el: Element, name: string): string | undefined => {
  const v = el.properties[name];
  return typeof v === 'string' ? v : undefined;
};

/** An <audio> or <video> becomes a link to its file: the banks' Markdown has no media players. */
function mediaSource(el: Element): string | undefined {
  const own = attr(el, 'src');
  if (own) return own;
  const source = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'source');
  return source ? attr(source, 'src') : undefined;
}

function rewrite(el: Element, resolve: MediaResolver, notes: string[]): ElementContent[] {
  if (el.tagName === 'img') {
    const src = attr(el, 'src') ?? '';
    const alt = attr(el, 'alt') ?? '';
    const name = pluginFileName(src);
    const url = name === undefined ? undefined : resolve(name);
    if (url) return [{ type: 'element', tagName: 'img', properties: { src: url, alt }, children: [] }];
    notes.push(name === undefined ? `image ${src.slice(0, 80) || '(no source)'} dropped: only images embedded in the file are kept` : `image ${name} dropped: its file is missing or not a safe media type`);
    return alt ? [textNode(alt)] : [];
  }
  if (el.tagName === 'audio' || el.tagName === 'video') {
    const name = pluginFileName(mediaSource(el) ?? '');
    const url = name === undefined ? undefined : resolve(name);
    if (url && name) return [{ type: 'element', tagName: 'a', properties: { href: url }, children: [textNode(name)] }];
    notes.push(`${el.tagName} dropped: only media embedded in the file are kept`);
    return [];
  }
  const children = el.children.flatMap((c) => (c.type === 'element' ? rewrite(c, resolve, notes) : [c]));
  if (el.tagName === 'a') {
    const href = attr(el, 'href') ?? '';
    const name = pluginFileName(href);
    const url = name === undefined ? (SAFE_LINK.test(href) ? href : undefined) : resolve(name);
    if (!url) return children;
    return [{ ...el, properties: { href: url, ...(attr(el, 'title') ? { title: attr(el, 'title') } : {}) }, children }];
  }
  return [{ ...el, children }];
}

const markdownOptions = { extensions: [gfmToMarkdown()] };

// GitHub's allowlist, and elements whose content is code or a page of its own dropped whole (by
// default only <script>'s is: a <style> would leave its CSS behind as text).
const schema = { ...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'title'] };

/** Moodle HTML as safe Markdown; embedded files resolved through `resolve`, what was dropped noted in `notes`. */
export function htmlToMarkdown(html: string, resolve: MediaResolver, notes: string[]): string {
  const tree = fromHtml(html, { fragment: true });
  const children: RootContent[] = tree.children.flatMap((c): RootContent[] => (c.type === 'element' ? rewrite(c, resolve, notes) : [c]));
  const clean = sanitize({ ...tree, children }, schema);
  const root: HastRoot = clean.type === 'root' ? clean : { type: 'root', children: [] };
  return toMarkdown(toMdast(root), markdownOptions).trim();
}

/** Plain text (Moodle's plain_text format, GIFT without [html]) as Markdown that shows it literally. */
export function plainToMarkdown(text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const root: MdastRoot = { type: 'root', children: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
  return toMarkdown(root, markdownOptions).trim();
}

/** Bank Markdown (re)written in the normal form the importer produces, so comparisons are exact. */
export function normalizeMarkdown(markdown: string): string {
  return toMarkdown(parseMarkdown(markdown), markdownOptions).trim();
}

/** An mdast tree as Markdown in that normal form. */
export function mdastToMarkdown(root: MdastRoot): string {
  return toMarkdown(root, markdownOptions).trim();
}

/** Each local media URL (`/media/…`) that some Markdown shows as an image or links to. */
export function mediaUrls(markdown: string): string[] {
  const urls = new Set<string>();
  const visit = (node: MdastNodes) => {
    if ((node.type === 'image' || node.type === 'link') && node.url.startsWith('/media/')) urls.add(node.url);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(markdown));
  return [...urls];
}

/** Bank Markdown as HTML for Moodle, each local media URL replaced by what `rewriteUrl` returns. */
export function markdownToHtml(markdown: string, rewriteUrl: (url: string) => string): string {
  const tree = toHast(parseMarkdown(markdown));
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      for (const key of ['src', 'href']) {
        const value = attr(child, key);
        if (value?.startsWith('/media/')) child.properties[key] = rewriteUrl(value);
      }
      visit(child);
    }
  };
  if (tree.type === 'root' || tree.type === 'element') visit(tree);
  return toHtml(tree);
}
