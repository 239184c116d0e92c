import type { Metadata } from 'next';
import { SavedOnDevice } from '@/components/offline/SavedOnDevice';

export const metadata: Metadata = { title: 'Offline', robots: { index: false } };

/** Shown by the service worker when a page was not saved and there is no connection. */
export default function OfflinePage() {
  return (
    <div className="narrow stack">
      <h1>You are offline</h1>
      <p>This page was not saved on this device. The modules you saved open without a connection:</p>
      <SavedOnDevice />
      <p>
        Lessons you mark complete while offline are kept here and sent once when your connection returns. Quizzes and virtual consults need a
        connection; an attempt you started stays as you left it.
      </p>
    </div>
  );
}
