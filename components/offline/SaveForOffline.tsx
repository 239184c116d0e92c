'use client';
import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/format/bytes';
import { SAVED_CACHE, type SaveProgress, ask, registerServiceWorker } from './sw-client';

/**
 * `alsoKeep`: pages saved with the module but shared by every saved module (site search and its
 * index), so removing one module leaves them for the others.
 */
type Props = { title: string; urls: string[]; liteBytes: string; scope?: 'module' | 'programme'; alsoKeep?: string[] };

const words = {
  module: { size: 'Low-data pages for this module', save: 'Save for offline', box: 'save-offline', saved: 'offline-saved' },
  programme: { size: 'The whole programme’s modules, as low-data pages', save: 'Save the whole programme for offline', box: 'save-programme-offline', saved: 'programme-offline-saved' },
} as const;

/**
 * "Save for offline": keeps a module's pages (or every module of a programme) in this browser, with
 * progress, and can remove them again. The size comes first, so nobody spends data unawares.
 */
export function SaveForOffline({ title, urls, liteBytes, scope = 'module', alsoKeep = [] }: Props) {
  const w = words[scope];
  const [supported, setSupported] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const [progress, setProgress] = useState<SaveProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ok = 'serviceWorker' in navigator && 'caches' in window;
    setSupported(ok);
    if (!ok) return;
    void caches
      .open(SAVED_CACHE)
      .then((cache) => Promise.all(urls.map((u) => cache.match(u))))
      .then((hits) => setSaved(hits.every(Boolean)));
  }, [urls]);

  const save = async () => {
    setError(null);
    await registerServiceWorker();
    const result = await ask<SaveProgress>({ type: 'save', urls: [...urls, ...alsoKeep] }, (r) => r.type === 'saved', setProgress);
    if (!result) setError('This browser could not save pages for offline use.');
    else if (result.failed && result.failed.length > 0) setError(`${result.failed.length} page(s) could not be saved. Check your connection and try again.`);
    else setSaved(true);
  };

  const remove = async () => {
    await ask({ type: 'remove', urls }, () => true);
    setSaved(false);
    setProgress(null);
  };

  if (supported === false) return <p className="small muted">This browser cannot keep lessons for offline reading.</p>;
  return (
    <div className="card stack" data-testid={w.box}>
      <p className="m-0 small">
        {w.size}: <strong data-testid={`${w.box}-size`}>{liteBytes}</strong> in all (pictures and videos only when you tap them).
      </p>
      {saved ? (
        <>
          <p className="m-0" role="status" data-testid={w.saved}>
            ✓ Saved on this device: {title} opens without a connection.
          </p>
          <div>
            <button type="button" className="btn btn-small" onClick={remove}>
              Remove from this device
            </button>
          </div>
        </>
      ) : (
        <div className="stack">
          <div>
            <button type="button" className="btn" onClick={save} disabled={progress?.type === 'save-progress'}>
              {w.save}
            </button>
          </div>
          {progress && progress.type === 'save-progress' ? (
            <p className="m-0 small" role="status">
              Saving {progress.done} of {progress.total} pages · {formatBytes(progress.bytes)}…
            </p>
          ) : null}
          {error ? (
            <p className="m-0 notice notice-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
