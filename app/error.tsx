'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';

/**
 * The error boundary. A request that failed because the connection dropped (a quiz move, a
 * consult step) is not "our side": it says so, and that the attempt is kept on the server.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
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
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const connection = offline || (error.digest === undefined && /failed to fetch|network|load failed/i.test(error.message));
  if (connection) {
    return (
      <div className="narrow stack" role="alert" data-testid="connection-error">
        <h1>{offline ? 'You are offline' : 'The connection dropped'}</h1>
        <p>
          That step needs a connection: quizzes and virtual consults are checked on the server. It was not sent, and your attempt is kept on the
          server exactly as you left it.
        </p>
        <button type="button" className="btn" onClick={retry} disabled={offline}>
          {offline ? 'Waiting for the connection…' : 'Try again'}
        </button>
      </div>
    );
  }
  return (
    <div className="narrow stack" role="alert">
      <h1>Something went wrong</h1>
      <p>The problem is on our side and has been logged. Nothing you entered was lost by reloading.</p>
      <button type="button" className="btn" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
