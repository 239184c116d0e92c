'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { type QueueState, ask, registerServiceWorker } from './sw-client';

/**
 * Says plainly when the site is offline and what is waiting to sync, and sends the queue when the
 * link returns. Renders nothing while online with nothing pending.
 */
export function ConnectionStatus() {
  const pathname = usePathname();
  const [online, setOnline] = useState(true);
  const [pending, setPending] = useState(0);
  const [synced, setSynced] = useState(0);
  // The largest queue seen since it was last empty: when it drains (from this page's flush or the
  // worker's own background sync), that many completions were sent.
  const waiting = useRef(0);

  useEffect(() => {
    setOnline(navigator.onLine);
    const update = (count: number, sent = 0) => {
      setPending(count);
      if (count > 0) waiting.current = Math.max(waiting.current, count);
      else if (waiting.current > 0 || sent > 0) {
        setSynced(Math.max(waiting.current, sent));
        waiting.current = 0;
      }
    };
    void registerServiceWorker().then(() => ask<QueueState>({ type: navigator.onLine ? 'flush' : 'status' }, () => true, (r) => update(r.pending)));
    const onMessage = (event: MessageEvent<QueueState>) => {
      if (event.data?.type === 'queue') update(event.data.pending, event.data.sent);
    };
    const goOnline = () => {
      setOnline(true);
      void ask<QueueState>({ type: 'flush' }, () => true).then((r) => r && update(r.pending, r.sent));
    };
    const goOffline = () => {
      setOnline(false);
      setSynced(0);
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      navigator.serviceWorker?.removeEventListener('message', onMessage);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, []);

  const scored = /^\/(quizzes|consults)\//.test(pathname);
  if (online && pending === 0 && synced === 0) return null;
  return (
    <div role="status" aria-live="polite" className={online ? 'notice notice-ok m-0 rounded-none' : 'notice notice-error m-0 rounded-none'} data-testid="connection-status">
      <div className="container-page text-sm">
        {online ? (
          pending > 0 ? (
            <>Sending {pending} saved lesson completion{pending === 1 ? '' : 's'}…</>
          ) : (
            <>Back online: {synced} lesson completion{synced === 1 ? '' : 's'} sent.</>
          )
        ) : (
          <>
            You are offline. Modules you saved still open
            {pending > 0 ? `; ${pending} lesson completion${pending === 1 ? ' is' : 's are'} waiting to sync` : ''}.
            {scored ? ' Quizzes and virtual consults need a connection; your attempt is kept as you left it.' : ''}
          </>
        )}
      </div>
    </div>
  );
}
