// Parsing the banks' Markdown (CommonMark with GitHub's tables and strikethrough), in one place so
// the importer, the exporter and the quiz pages read it the same way. Pure and light: the quiz
// pages import only this, not the HTML converters.
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Markdown as an mdast tree. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The words of some Markdown: text, code and (unless `images` is false) image descriptions, whitespace collapsed. */
export function markdownToText(markdown: string, { images = true } = {}): string {
  const words: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
    else if (node.type === 'image' && images) words.push(node.alt ?? '');
    else if (node.type === 'break') words.push(' ');
    if ('children' in node) for (const child of node.children) visit(child);
    if (node.type === 'paragraph') words.push(' ');
  };
  visit(parseMarkdown(markdown));
  return words.join('').replace(/\s+/g, ' ').trim();
}
