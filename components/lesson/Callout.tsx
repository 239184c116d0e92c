const styles = {
  info: { box: 'border-sky-700 bg-sky-50', label: 'Note' },
  warning: { box: 'border-amber-700 bg-amber-50', label: 'Caution' },
  redflag: { box: 'border-red-700 bg-red-50', label: 'Red flag' },
} as const;

/** A box that stands out from the lesson text: information, a caution, or a red flag. */
export function Callout({ type = 'info', title, children }: { type?: keyof typeof styles; title?: string; children: React.ReactNode }) {
  const style = styles[type];
  return (
    <aside className={`callout my-5 rounded-md border-s-4 px-4 py-3 ${style.box}`} aria-label={title ? `${style.label}: ${title}` : style.label}>
      <p className="m-0 text-sm font-bold uppercase tracking-wide">{style.label}</p>
      {title ? <p className="m-0 font-semibold">{title}</p> : null}
      <div className="callout-body">{children}</div>
    </aside>
  );
}
