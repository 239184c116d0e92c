import type { Connection } from '@/lib/content/schemas/case';
import { connectionLabels } from './labels';

const tone: Record<Connection, string> = {
  video: 'border-ok text-ok bg-green-50',
  frozen: 'border-warn text-warn bg-amber-50',
  audio: 'border-brand text-brand bg-brand-soft',
  dropped: 'border-danger text-danger bg-red-50',
  sms: 'border-muted text-muted bg-white',
};

/** Tiny line icons (24-unit grid), one per connection state; the label beside them carries the meaning. */
function Icon({ connection }: { connection: Connection }) {
  const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, 'aria-hidden': true } as const;
  switch (connection) {
    case 'video':
      return (
        <svg {...common}>
          <rect x="2" y="6" width="13" height="12" rx="2" />
          <path d="M15 10l6-3v10l-6-3z" />
        </svg>
      );
    case 'frozen':
      return (
        <svg {...common}>
          <rect x="2" y="6" width="13" height="12" rx="2" />
          <path d="M7 9v6M10 9v6M15 10l6-3v10l-6-3z" />
        </svg>
      );
    case 'audio':
      return (
        <svg {...common}>
          <path d="M5 3h4l2 5-3 2a12 12 0 006 6l2-3 5 2v4a2 2 0 01-2 2A18 18 0 013 5a2 2 0 012-2z" />
        </svg>
      );
    case 'dropped':
      return (
        <svg {...common}>
          <path d="M5 3h4l2 5-3 2a12 12 0 006 6l2-3 5 2v4a2 2 0 01-2 2A18 18 0 013 5a2 2 0 012-2z" />
          <path d="M3 21L21 3" />
        </svg>
      );
    case 'sms':
      return (
        <svg {...common}>
          <path d="M4 4h16v12H8l-4 4z" />
        </svg>
      );
    default: {
      const unknown: never = connection;
      return unknown;
    }
  }
}

/** The state of the line, as text with an icon; colour only repeats what the words say. */
export function ConnectionIndicator({ connection }: { connection: Connection }) {
  return (
    <p className={`m-0 inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-semibold ${tone[connection]}`} data-testid="connection" data-connection={connection}>
      <Icon connection={connection} />
      <span>
        <span className="sr-only">Connection: </span>
        {connectionLabels[connection]}
      </span>
    </p>
  );
}
