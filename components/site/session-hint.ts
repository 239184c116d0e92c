'use client';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { type SessionHint, readSessionHint } from '@/lib/session-hint';

const noSubscription = () => () => {};

/**
 * Who the header should greet, from the hint cookie: undefined while the server renders (the
 * prerendered page is the same for everyone), then null (signed out) or the hint. It is read again
 * on every navigation, so signing in or out (a redirect, not a reload) changes the header at once.
 */
export function useSessionHint(): SessionHint | null | undefined {
  usePathname();
  return useSyncExternalStore(
    noSubscription,
    () => readSessionHint(document.cookie),
    () => undefined,
  );
}
