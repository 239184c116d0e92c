'use client';
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';
import { ConnectionLost, useOffline } from '@/components/offline/ConnectionLost';

/**
 * The error boundary. A request that failed because the connection dropped (a quiz move, a
 * consult step) is not "our side": it says so, and that the attempt is kept on the server.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const offline = useOffline();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const connection = offline || (error.digest === undefined && /failed to fetch|network|load failed/i.test(error.message));
  if (connection) return <ConnectionLost offline={offline} onRetry={retry} />;
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
