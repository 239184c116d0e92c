'use client';
import { useEffect, useState } from 'react';

type Line = { reviewed: boolean; text: string };

/**
 * "Clinically reviewed by … on …" or "Awaiting clinical review" under a lesson's title (and the
 * translation review line of any "say it in Urdu" panel in the lesson). The page is
 * static, so the line is fetched (one small, shared, cacheable answer per module); without script,
 * a link leads to the same line on a script-free page.
 */
export function ClinicalReviewLine({ moduleSlug, lessonSlug }: { moduleSlug: string; lessonSlug: string }) {
  const [line, setLine] = useState<Line | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/review/modules/${moduleSlug}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { lessons: Record<string, Line>; phrases?: Record<string, Line> } | null) => {
        if (live && d?.lessons[lessonSlug]) setLine(d.lessons[lessonSlug]);
        // The lesson's "say it in Urdu" panels are static server markup: their review line is filled in here.
        for (const el of live ? document.querySelectorAll<HTMLElement>('[data-phrase-review]') : []) {
          const phrase = d?.phrases?.[el.dataset.phraseReview ?? ''];
          if (!phrase) continue;
          el.textContent = phrase.text;
          el.dataset.reviewed = String(phrase.reviewed);
          el.classList.toggle('text-ok', phrase.reviewed);
          el.classList.toggle('text-warn', !phrase.reviewed);
        }
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
