import type { SpokenLine } from '@/lib/domain/consult';
import { type PatientLinesMode, lineParts } from '@/lib/domain/language/patient-lines';
import { stageDirection } from '@/lib/domain/language/script';
import { UrduText } from '@/components/language/UrduText';

/** What participants say, each line with the speaker's name and role, in English, Urdu or both. */
export function Lines({ lines, mode = 'en' }: { lines: SpokenLine[]; mode?: PatientLinesMode }) {
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line, i) => {
        const show = lineParts(mode, !!line.ur);
        const direction = show.english ? null : stageDirection(line.text);
        return (
          <div key={i} className="max-w-[44rem] rounded-lg rounded-ss-none border border-line bg-white px-3 py-2" data-testid="spoken-line">
            <p className="m-0 text-sm font-semibold">
              {line.name}
              {line.role ? <span className="font-normal text-muted"> · {line.role}</span> : null}
            </p>
            {show.english ? <p className="m-0">{line.text}</p> : null}
            {direction ? <p className="m-0 text-sm italic text-muted">({direction})</p> : null}
            {show.urdu && line.ur ? (
              <>
                <UrduText text={line.ur.script} testId="line-urdu" />
                <p lang="ur-Latn" className="m-0 text-sm text-muted" data-testid="line-roman">
                  {line.ur.roman}
                </p>
              </>
            ) : null}
          </div>
        );
      })}
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
