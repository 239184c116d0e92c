import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

/** Shown by the service worker when a page was not saved and there is no connection. */
export default function OfflinePage() {
  return (
    <div className="narrow stack">
      <h1>You are offline</h1>
      <p>This page was not saved on this device. Modules you saved for offline still open: go back, or open one from your browser history.</p>
      <p>
        Lessons you mark complete while offline are kept here and sent once when your connection returns. Quizzes and virtual consults need a
        connection; an attempt you started stays as you left it.
      </p>
      <p>
        <a href="/modules">Modules</a>
      </p>
    </div>
  );
}
