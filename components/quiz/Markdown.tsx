import type { ReactNode } from 'react';
import type { Nodes, RootContent } from 'mdast';
import { parseMarkdown } from '@/lib/content/formats/mdast';

// Question text is Markdown (content/README.md). It is rendered from the syntax tree into a small
// set of elements and never as HTML, so a bank cannot inject markup: raw HTML in the text is dropped,
// images must be the site's own media (/media/…), and links go to web pages or the site's media only.
const LOCAL_MEDIA = /^\/media\/[a-z0-9][a-z0-9/._-]*$/i;
const isSafeImage = (url: string) => LOCAL_MEDIA.test(url) && !url.includes('..');
const isSafeLink = (url: string) => /^(?:https?:|mailto:)/i.test(url) || isSafeImage(url);

function children(node: { children: RootContent[] }): ReactNode[] {
  return node.children.map((child, i) => renderNode(child, i));
}

function renderNode(node: Nodes, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'paragraph':
      return <p key={key}>{children(node)}</p>;
    case 'strong':
      return <strong key={key}>{children(node)}</strong>;
    case 'emphasis':
      return <em key={key}>{children(node)}</em>;
    case 'delete':
      return <del key={key}>{children(node)}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'image':
      return isSafeImage(node.url) ? <img key={key} src={node.url} alt={node.alt ?? ''} loading="lazy" className="inline-block max-h-64 max-w-full align-middle" /> : (node.alt ?? '');
    case 'link':
      return isSafeLink(node.url) ? (
        <a key={key} href={node.url} rel="noopener noreferrer">
          {children(node)}
        </a>
      ) : (
        <span key={key}>{children(node)}</span>
      );
    case 'list':
      return node.ordered ? <ol key={key}>{children(node)}</ol> : <ul key={key} className="list-disc ps-5">{children(node)}</ul>;
    case 'listItem':
      // A tight list item holds one paragraph: show its words without paragraph margins.
      return <li key={key}>{node.spread ? children(node) : node.children.flatMap((c, i) => (c.type === 'paragraph' ? children(c) : [renderNode(c, i)]))}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children(node)}</blockquote>;
    case 'heading':
      return (
        <p key={key}>
          <strong>{children(node)}</strong>
        </p>
      );
    case 'table':
      return (
        <div key={key} className="table-wrap">
          <table>
            <tbody>{children(node)}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{children(node)}</tr>;
    case 'tableCell':
      return <td key={key}>{children(node)}</td>;
    case 'root':
      return children(node);
    default:
      // html, definitions, footnotes, thematic breaks: nothing a bank needs; never shown as markup.
      return null;
  }
}

/** Block Markdown (stems, vignettes, rationales): paragraphs spaced as the plain-text banks always were. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const root = parseMarkdown(text.trim());
  return (
    <div className={className}>
      {root.children.map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i} className={i > 0 ? 'mt-2' : 'm-0'}>
            {children(block)}
          </p>
        ) : (
          <div key={i} className={i > 0 ? 'mt-2' : undefined}>
            {renderNode(block, i)}
          </div>
        ),
      )}
    </div>
  );
}

/** Inline Markdown (an option's text): one paragraph's words and images, with no paragraph around them. */
export function InlineMarkdown({ text }: { text: string }) {
  const root = parseMarkdown(text.trim());
  const [only] = root.children;
  if (root.children.length === 1 && only?.type === 'paragraph') return <>{children(only)}</>;
  return <>{root.children.map((block, i) => <span key={i} className="block">{block.type === 'paragraph' ? children(block) : renderNode(block, i)}</span>)}</>;
}
