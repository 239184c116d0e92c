'use client';
import { useEffect, useState } from 'react';

/**
 * The Urdu footer's review notice. The page is static, so it first (and, without script, always) says
 * the interface is a draft awaiting a native speaker's review; it says reviewed only once the review
 * answer reports every interface namespace's current version signed off (/api/review/translations).
 */
export function InterfaceReviewNotice({ draft, reviewed }: { draft: string; reviewed: string }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/api/review/translations')
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { interface?: { reviewed?: boolean } } | null) => live && setDone(d?.interface?.reviewed === true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <p className="m-0" data-testid="translation-review-notice" data-reviewed={done}>
      {done ? reviewed : draft}
    </p>
  );
}
