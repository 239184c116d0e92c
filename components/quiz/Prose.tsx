/**
 * Question text (Markdown in the bank) as plain paragraphs. React escapes the text, so a bank can
 * never inject HTML; the banks use no inline Markdown beyond paragraphs.
 */
export function Prose({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return (
    <div className={className}>
      {paragraphs.map((p, i) => (
        <p key={i} className={i > 0 ? 'mt-2' : 'm-0'}>
          {p}
        </p>
      ))}
    </div>
  );
}
