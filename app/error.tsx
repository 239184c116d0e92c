'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="narrow stack" role="alert">
      <h1>Something went wrong</h1>
      <p>The problem is on our side and has been logged. Nothing you entered was lost by reloading.</p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
