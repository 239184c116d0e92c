'use client';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';

/** A random key for one request (randomUUID needs a secure context; getRandomValues does not). */
function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Status = { signedIn: boolean; completed: boolean; queued?: boolean; earned?: { code: string; programme: string }[] };

/**
 * The lesson's "mark complete" control. The lesson page is static, so the learner's own status is
 * fetched here; the form also works as a plain post when scripts are off. Reaching the end of the
 * lesson (after scrolling) marks it complete too.
 */
export function LessonCompletion({ moduleSlug, lessonSlug }: { moduleSlug: string; lessonSlug: string }) {
  const endpoint = `/api/progress/modules/${moduleSlug}`;
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch(endpoint, { cache: 'no-store' })
      .then((r) => r.json())
      .then((d: { signedIn: boolean; completed: string[]; queued?: (string | null)[] }) => {
        if (live) setStatus({ signedIn: d.signedIn, completed: d.completed.includes(lessonSlug), queued: d.queued?.includes(lessonSlug) });
      })
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, [endpoint, lessonSlug]);

  const markComplete = useCallback(async () => {
    setError(null);
    // The key lets the server apply this once however often the offline queue resends it.
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey() },
      body: JSON.stringify({ lesson: lessonSlug }),
    }).catch(() => null);
    if (response?.status === 202) setStatus((prev) => ({ signedIn: true, completed: false, queued: true, earned: prev?.earned }));
    else if (response?.ok) {
      const body: { certificates?: { code: string; programme: string }[] } = await response.json().catch(() => ({}));
      // Keep what an earlier request announced: a second mark (a tap racing the end-of-lesson mark) earns nothing new.
      setStatus((prev) => ({ signedIn: true, completed: true, earned: [...(prev?.earned ?? []), ...(body.certificates ?? [])] }));
    }
    else setError('Could not save your progress. Check your connection and try again.');
  }, [endpoint, lessonSlug]);

  useEffect(() => {
    if (!status?.signedIn || status.completed || status.queued) return;
    const end = document.getElementById('lesson-end');
    if (!end) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && window.scrollY > 200) {
        observer.disconnect();
        void markComplete();
      }
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [status, markComplete]);

  if (status && !status.signedIn) {
    return (
      <p className="card muted">
        <a href={`/sign-in?next=${encodeURIComponent(`/modules/${moduleSlug}/${lessonSlug}`)}`}>Sign in</a> to keep your progress. You can read every lesson without an account.
      </p>
    );
  }
  if (status?.queued && !status.completed) {
    return (
      <p className="notice notice-ok" role="status" data-testid="lesson-queued">
        ✓ Marked complete on this device. It will be sent once when your connection returns.
      </p>
    );
  }
  if (status?.completed) {
    return (
      <div className="notice notice-ok" role="status" data-testid="lesson-complete">
        <p className="m-0">✓ Lesson complete</p>
        {status.earned?.map((c) => (
          <p key={c.code} className="m-0 mt-1 font-semibold">
            You have earned the certificate “{c.programme}”. <Link href="/certificates">See your certificates</Link>
          </p>
        ))}
      </div>
    );
  }
  return (
    <form
      method="post"
      action={endpoint}
      className="card flex flex-wrap items-center gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void markComplete();
      }}
    >
      <input type="hidden" name="lesson" value={lessonSlug} />
      <button type="submit" className="btn btn-primary">
        Mark lesson complete
      </button>
      <span className="muted small">It is also marked when you reach the end.</span>
      {error ? (
        <p role="alert" className="field-error w-full">
          {error}
        </p>
      ) : null}
    </form>
  );
}
