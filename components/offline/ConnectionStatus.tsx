'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { type QueueState, ask, registerServiceWorker } from './sw-client';

const empty: QueueState = { type: 'queue', pending: 0, signedOut: 0, otherAccount: 0, sent: 0 };
const completions = (n: number) => `${n} lesson completion${n === 1 ? '' : 's'}`;

/**
 * Says plainly when the site is offline and what is waiting to sync, and sends the queue when the
 * link returns. On a shared phone it also says what waits for someone to sign in, or for another
 * account, which the person holding the phone may discard. Renders nothing while online with
 * nothing waiting.
 */
export function ConnectionStatus() {
  const pathname = usePathname();
  const [online, setOnline] = useState(true);
  const [queue, setQueue] = useState<QueueState>(empty);
  // Delivered since the link returned: every flush (this page's, another tab's, the worker's own
  // background sync) reports what it sent to every open page.
  const [synced, setSynced] = useState(0);
  // Discarding someone else's progress takes a second, deliberate press.
  const [confirming, setConfirming] = useState(false);

  const update = useCallback((reply: Partial<QueueState> | null) => {
    if (!reply) return;
    // A worker of an earlier release (until the browser updates it) answers without the newer counts.
    const state = { ...empty, ...reply };
    setQueue(state);
    if (state.sent > 0) setSynced((before) => Math.max(before, state.sent));
  }, []);
  /** Asks the worker (to send the queue, to discard, or just what waits) and shows its answer. */
  const askWorker = useCallback((type: 'flush' | 'status' | 'discard-other-account') => void ask<QueueState>({ type }, () => true).then(update), [update]);

  useEffect(() => {
    setOnline(navigator.onLine);
    void registerServiceWorker().then(() => askWorker(navigator.onLine ? 'flush' : 'status'));
    const onMessage = (event: MessageEvent<QueueState>) => {
      if (event.data?.type === 'queue') update(event.data);
    };
    const goOnline = () => {
      setOnline(true);
      askWorker('flush');
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
  }, [update, askWorker]);

  // Moving to another page (signing in lands on one) is a moment to send what waits: whoever is
  // signed in now may be the one the queue waits for.
  const waiting = queue.pending + queue.signedOut + queue.otherAccount;
  useEffect(() => {
    if (waiting > 0 && navigator.onLine) askWorker('flush');
  }, [pathname]); // on navigation only, not each time the count changes

  const discard = () => {
    setConfirming(false);
    askWorker('discard-other-account');
  };
  const { pending, signedOut, otherAccount } = queue;
  const scored = /^\/(quizzes|consults)\//.test(pathname);
  if (online && waiting === 0 && synced === 0) return null;
  return (
    <div role="status" aria-live="polite" className={online ? 'notice notice-ok m-0 rounded-none' : 'notice notice-error m-0 rounded-none'} data-testid="connection-status">
      <div className="container-page text-sm">
        {online ? (
          <>
            {pending > 0 ? <p className="m-0">Sending {completions(pending)} saved on this device…</p> : null}
            {pending === 0 && synced > 0 ? <p className="m-0">Back online: {completions(synced)} sent.</p> : null}
            {signedOut > 0 ? (
              <p className="m-0" data-testid="queue-signed-out">
                {completions(signedOut)} saved on this device {signedOut === 1 ? 'waits' : 'wait'} for you to{' '}
                <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`}>sign in</Link>.
              </p>
            ) : null}
            {otherAccount > 0 ? (
              <p className="m-0" data-testid="queue-other-account">
                {completions(otherAccount)} saved offline on this device {otherAccount === 1 ? 'belongs' : 'belong'} to another account; {otherAccount === 1 ? 'it is' : 'they are'}{' '}
                sent when that account signs in here, never credited to you.{' '}
                {confirming ? (
                  <>
                    Discard for good? That learner will have to mark {otherAccount === 1 ? 'the lesson' : 'the lessons'} complete again.{' '}
                    <button type="button" className="btn btn-small" onClick={discard}>
                      Yes, discard
                    </button>{' '}
                    {/* The safe answer has the focus, so a keyboard user is not left on a button that vanished. */}
                    <button type="button" className="btn btn-small" onClick={() => setConfirming(false)} autoFocus>
                      Keep {otherAccount === 1 ? 'it' : 'them'}
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
                    Discard {otherAccount === 1 ? 'it' : 'them'}…
                  </button>
                )}
              </p>
            ) : null}
          </>
        ) : (
          <>
            You are offline. Modules you saved still open
            {waiting > 0 ? `; ${completions(waiting)} ${waiting === 1 ? 'is' : 'are'} waiting to sync` : ''}.
            {scored ? ' Quizzes and virtual consults need a connection; your attempt is kept as you left it.' : ''}
          </>
        )}
      </div>
    </div>
  );
}
