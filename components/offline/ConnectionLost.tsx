'use client';
import { useEffect, useState } from 'react';

/** Whether the browser says it is offline, kept current. */
export function useOffline(): boolean {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return offline;
}

/**
 * A quiz move or consult step that could not be sent because the connection dropped: not "our
 * side". It says so, and that the attempt is kept on the server; "Try again" waits for the link.
 */
export function ConnectionLost({ offline, onRetry }: { offline: boolean; onRetry: () => void }) {
  return (
    <div className="narrow stack" role="alert" data-testid="connection-error">
      <h1>{offline ? 'You are offline' : 'The connection dropped'}</h1>
      <p>
        That step needs a connection: quizzes and virtual consults are checked on the server. It was not sent, and your attempt is kept on the server
        exactly as you left it.
      </p>
      <button type="button" className="btn" onClick={onRetry} disabled={offline}>
        {offline ? 'Waiting for the connection…' : 'Try again'}
      </button>
    </div>
  );
}
