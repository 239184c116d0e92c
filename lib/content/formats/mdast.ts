// Parsing the banks' Markdown (CommonMark with GitHub's tables and strikethrough), in one place so
// the importer, the exporter and the quiz pages read it the same way. Pure and light: the quiz
// pages import only this, not the HTML converters.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Markdown as an mdast tree. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
