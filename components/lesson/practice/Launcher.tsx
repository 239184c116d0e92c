import { type ComponentType, useState } from 'react';

type Props<P extends object> = {
  id: string;
  title: string;
  intro: string;
  hint: string;
  openLabel: string;
  /** Loads the trainer's own script: a dynamic import, so the lesson page carries only this launcher. */
  load: () => Promise<ComponentType<P>>;
  props: P;
};

/** A practice trainer's place in a lesson: its title, what it does, and a button that loads and opens it. */
export function Launcher<P extends object>({ id, title, intro, hint, openLabel, load, props }: Props<P>) {
  const [Trainer, setTrainer] = useState<ComponentType<P> | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const open = async () => {
    setState('loading');
    try {
      const loaded = await load();
      setTrainer(() => loaded);
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="practice-trainer my-8 rounded-lg border border-line bg-white p-4" data-trainer={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mt-0">
        {title}
      </h2>
      {Trainer ? (
        <Trainer {...props} />
      ) : (
        <>
          <p>{intro}</p>
          <p className="hint">{hint}</p>
          <button type="button" className="btn btn-primary" onClick={open} disabled={state === 'loading'}>
            {state === 'loading' ? 'Opening…' : openLabel}
          </button>
          {state === 'failed' ? (
            <p role="alert" className="notice notice-error mt-3">
              The trainer could not load. If you are offline, save this module for offline use when you are next online.
            </p>
          ) : null}
          <noscript>
            <p className="notice mt-3">The trainer needs JavaScript. The lesson text teaches the same steps.</p>
          </noscript>
        </>
      )}
    </section>
  );
}
