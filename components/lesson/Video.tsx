'use client';
import { type ComponentType, useState } from 'react';

type Props = { src: string; poster: string; duration: string; title: string; captions?: string; children?: React.ReactNode };
type PlayerProps = { src: string; playing: boolean; controls: boolean; width: string; height: string; children?: React.ReactNode };

/**
 * A lesson video in "light" mode: the page carries only a small poster, the duration and a real
 * <button>. Pressing it loads react-player (its code too) and then the video. The transcript
 * (children) is always on the page as text.
 */
export function Video({ src, poster, duration, title, captions, children }: Props) {
  const [Player, setPlayer] = useState<ComponentType<PlayerProps> | null>(null);
  const [loading, setLoading] = useState(false);
  const play = async () => {
    setLoading(true);
    const mod = await import('react-player');
    setPlayer(() => mod.default);
  };
  return (
    <figure className="video my-6">
      <div className="relative aspect-video w-full overflow-hidden rounded-md border border-line bg-ink">
        {Player ? (
          <Player src={src} playing controls width="100%" height="100%">
            {captions ? <track kind="captions" src={captions} srcLang="en" label="English" default /> : null}
          </Player>
        ) : (
          <button
            type="button"
            onClick={play}
            disabled={loading}
            aria-label={`Play video: ${title} (${duration})`}
            className="absolute inset-0 flex h-full w-full cursor-pointer items-end justify-start bg-cover bg-center p-3"
            style={{ backgroundImage: `url(${poster})` }}
          >
            <span className="rounded-full bg-white/95 px-4 py-2 font-semibold text-ink shadow">{loading ? 'Loading…' : `▶ Play · ${duration}`}</span>
          </button>
        )}
      </div>
      <figcaption className="mt-2 text-sm text-muted">
        {title} · {duration} · the video downloads only when you press play.
      </figcaption>
      {children ? (
        <details className="transcript mt-2 rounded-md border border-line bg-white px-3 py-2" open>
          <summary className="cursor-pointer font-semibold">Transcript</summary>
          <div className="mt-2">{children}</div>
        </details>
      ) : null}
    </figure>
  );
}
