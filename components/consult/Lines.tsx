import type { SpokenLine } from '@/lib/domain/consult';

/** What participants say, each line with the speaker's name and role. */
export function Lines({ lines }: { lines: SpokenLine[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line, i) => (
        <div key={i} className="max-w-[44rem] rounded-lg rounded-ss-none border border-line bg-white px-3 py-2">
          <p className="m-0 text-sm font-semibold">
            {line.name}
            {line.role ? <span className="font-normal text-muted"> · {line.role}</span> : null}
          </p>
          <p className="m-0">{line.text}</p>
        </div>
      ))}
    </>
  );
}

/** A stage direction: what the learner sees or hears around the words. */
export function Show({ text }: { text: string | null }) {
  return text ? <p className="m-0 border-s-4 border-line ps-3 italic text-muted">{text}</p> : null;
}

/** A connection event, in words. */
export function Notice({ text }: { text: string }) {
  return (
    <p className="notice m-0 border-warn bg-amber-50 text-ink" data-testid="connection-notice">
      <strong>Connection: </strong>
      {text}
    </p>
  );
}
