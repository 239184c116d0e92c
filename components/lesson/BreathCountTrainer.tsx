'use client';
import { type ComponentType, useState } from 'react';
import type { BreathCountTrainerDef } from '@/lib/content/schemas/trainer';

type TrainerProps = { trainer: BreathCountTrainerDef };

/**
 * The breath-count trainer's place in a lesson: its title, what it does, and a real button. The
 * trainer's own script (drawing, timer, feedback) loads only when the learner presses it, so the
 * lesson page stays light; a module saved for offline keeps that script too (public/sw.js).
 */
export function BreathCountTrainer({ trainer }: TrainerProps) {
  const [Trainer, setTrainer] = useState<ComponentType<TrainerProps> | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const open = async () => {
    setState('loading');
    try {
      const mod = await import('./breath-trainer/Trainer');
      setTrainer(() => mod.Trainer);
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="breath-trainer my-8 rounded-lg border border-line bg-white p-4" aria-labelledby={`${trainer.id}-title`}>
      <h2 id={`${trainer.id}-title`} className="mt-0">
        {trainer.title}
      </h2>
      {Trainer ? (
        <Trainer trainer={trainer} />
      ) : (
        <>
          <p>{trainer.intro}</p>
          <p className="hint">
            {trainer.scenarios.length} children to count, at every age IMCI covers. Each takes a minute.
          </p>
          <button type="button" className="btn btn-primary" onClick={open} disabled={state === 'loading'}>
            {state === 'loading' ? 'Opening…' : 'Open the breath-count trainer'}
          </button>
          {state === 'failed' ? (
            <p role="alert" className="notice notice-error mt-3">
              The trainer could not load. If you are offline, save this module for offline use when you are next online.
            </p>
          ) : null}
          <noscript>
            <p className="notice mt-3">The trainer needs JavaScript. The lesson text teaches the same counting steps.</p>
          </noscript>
        </>
      )}
    </section>
  );
}
