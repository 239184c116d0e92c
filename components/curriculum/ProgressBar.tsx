/** A labelled progress bar (done of total), readable without colour. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div className="flex justify-between text-sm text-muted">
        <span>{label}</span>
        <span>
          {done} of {total}
        </span>
      </div>
      <div className="mt-1 h-2 w-full overflow-hidden rounded bg-line" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className="h-full bg-brand" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
