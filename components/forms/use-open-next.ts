'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { FormState } from './form-state';

/**
 * Opens the page an action named in its `next` (see FormState), as the redirect it replaces would
 * have: a client-side navigation, added to the history.
 */
export function useOpenNext(state: FormState): void {
  const router = useRouter();
  const next = state.status === 'ok' ? state.next : undefined;
  useEffect(() => {
    if (next) router.push(next);
  }, [next, router]);
}
