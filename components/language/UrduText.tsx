import { bidiRuns } from '@/lib/domain/language/script';

/** Urdu in Arabic script, right to left, each run of English inside it isolated so that it reads in order. */
export function UrduText({ text, className = 'm-0 text-lg leading-loose', testId }: { text: string; className?: string; testId?: string }) {
  return (
    <p lang="ur" dir="rtl" className={className} data-testid={testId}>
      {bidiRuns(text).map((run, i) =>
        run.latin ? (
          <bdi key={i} lang="en" dir="ltr">
            {run.text}
          </bdi>
        ) : (
          run.text
        ),
      )}
    </p>
  );
}
