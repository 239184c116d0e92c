import { Markdown } from './Markdown';

/**
 * Question text (Markdown in the bank): stems, vignettes and rationales. Rendered from the syntax
 * tree, never as HTML (see Markdown.tsx), so a bank, imported or written by hand, cannot inject markup.
 */
export function Prose({ text, className }: { text: string; className?: string }) {
  return <Markdown text={text} className={className} />;
}
