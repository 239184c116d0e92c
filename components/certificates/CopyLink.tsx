'use client';
import { useState } from 'react';

/** A link shown in full (selectable without script) with a button that copies it. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack">
      <label className="small" htmlFor="share-link">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="share-link" readOnly value={url} className="min-w-0 flex-1 font-mono text-sm" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            await navigator.clipboard.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied ? 'Link copied.' : ''}
      </p>
    </div>
  );
}
