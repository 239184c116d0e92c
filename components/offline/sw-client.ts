// The page's side of the service worker: registering it and asking it things.

/**
 * What waits in the device's queue: `pending` to send; `signedOut` until someone signs in;
 * `otherAccount` queued by another account on this (shared) device, sent when it signs in here.
 * `sent`: how many the last flush delivered.
 */
export type QueueState = { type: 'queue'; pending: number; signedOut: number; otherAccount: number; sent: number };
export type SaveProgress = { type: 'save-progress' | 'saved'; done: number; total: number; bytes: number; failed?: string[] };

/** Registers the worker in production builds (development rebuilds would be served stale). */
export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => null);
}

/** Sends a message to the active worker; `onReply` sees every answer, and the promise settles on the last (`until`). */
export async function ask<T extends { type: string }>(message: object, until: (reply: T) => boolean, onReply?: (reply: T) => void): Promise<T | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<T>) => {
      onReply?.(event.data);
      if (until(event.data)) resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The cache the worker keeps saved pages in (read here to show what is saved). */
export const SAVED_CACHE = 'saved-pages-v1';
