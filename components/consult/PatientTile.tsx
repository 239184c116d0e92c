import type { Connection } from '@/lib/content/schemas/case';

const palette = ['bg-teal-700', 'bg-indigo-700', 'bg-rose-700', 'bg-amber-800', 'bg-emerald-800', 'bg-sky-800'] as const;

/** A stable colour for a name, so a patient keeps theirs across screens. */
function colourOf(name: string): string {
  let sum = 0;
  for (const ch of name) sum = (sum * 31 + (ch.codePointAt(0) ?? 0)) % 9973;
  return palette[sum % palette.length] ?? 'bg-teal-700';
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** An initials avatar in a coloured circle: never a photo, every patient here is fictional. */
export function Avatar({ name, initials, size = 'md' }: { name: string; initials?: string; size?: 'sm' | 'md' | 'lg' }) {
  const dims = { sm: 'h-8 w-8 text-xs', md: 'h-12 w-12 text-base', lg: 'h-20 w-20 text-2xl' }[size];
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white ${dims} ${colourOf(name)}`}>
      {initials ?? initialsOf(name)}
    </span>
  );
}

/** What the learner's screen shows of the patient on each connection. */
const screen: Record<Connection, { text: string; look: string }> = {
  video: { text: 'On camera', look: '' },
  frozen: { text: 'Picture frozen', look: 'grayscale opacity-70' },
  audio: { text: 'No picture', look: 'opacity-90' },
  dropped: { text: 'Line silent', look: 'grayscale opacity-40' },
  sms: { text: 'No call', look: 'grayscale opacity-60' },
};

type Props = {
  patient: { name: string; age: string; sex: string; initials?: string };
  connection: Connection;
  /** Who has spoken so far (the rest of the cast is not revealed before they speak). */
  participants: { id: string; name: string; role: string }[];
  /** The call's status line (connection, clock), shown under the patient. */
  children?: React.ReactNode;
};

/** The patient's "video tile": what the call shows of them, driven by the connection. */
export function PatientTile({ patient, connection, participants, children }: Props) {
  const { text, look } = screen[connection];
  const others = participants.filter((p) => p.name !== patient.name);
  return (
    <figure className="m-0 rounded-lg bg-ink p-3 text-white" aria-label={`Patient: ${patient.name}, ${patient.age}, ${patient.sex}`}>
      <div className="flex items-center gap-3">
        <span className={look}>
          <Avatar name={patient.name} initials={patient.initials} />
        </span>
        <figcaption className="min-w-0">
          <p className="m-0 font-semibold">
            {patient.name}, {patient.age} <span className="text-sm font-normal text-gray-300">· {text}</span>
          </p>
          {others.length > 0 ? <p className="m-0 text-sm text-gray-300">With: {others.map((p) => p.name).join(', ')}</p> : null}
        </figcaption>
      </div>
      {children ? <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1">{children}</div> : null}
    </figure>
  );
}
