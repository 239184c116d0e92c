'use client';
import { useEffect, useState } from 'react';

type Line = { reviewed: boolean; text: string };

/**
 * "Clinically reviewed by … on …" or "Awaiting clinical review" under a lesson's title. The page is
 * static, so the line is fetched (one small, shared, cacheable answer per module); without script,
 * a link leads to the same line on a script-free page.
 */
export function ClinicalReviewLine({ moduleSlug, lessonSlug }: { moduleSlug: string; lessonSlug: string }) {
  const [line, setLine] = useState<Line | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/review/modules/${moduleSlug}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { lessons: Record<string, Line> } | null) => {
        if (live && d?.lessons[lessonSlug]) setLine(d.lessons[lessonSlug]);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [moduleSlug, lessonSlug]);
  return (
    <p className="m-0 min-h-[1.5rem] text-sm text-muted" data-testid="clinical-review" data-reviewed={line?.reviewed}>
      {line?.text}
      <noscript>
        <a href={`/lite/review/${moduleSlug}/${lessonSlug}`}>Clinical review status</a>
      </noscript>
    </p>
  );
}
