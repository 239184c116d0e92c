'use client';
import type { BreathCountTrainerDef } from '@/lib/content/schemas/trainer';
import { Launcher } from './practice/Launcher';

/**
 * The breath-count trainer in a lesson. Its own script (drawing, timer, feedback) loads only when
 * the learner opens it; a module saved for offline keeps that script too (public/sw.js).
 */
export function BreathCountTrainer({ trainer }: { trainer: BreathCountTrainerDef }) {
  return (
    <Launcher
      id={trainer.id}
      title={trainer.title}
      intro={trainer.intro}
      hint={`${trainer.scenarios.length} children to count, at every age IMCI covers. Each takes a minute.`}
      openLabel="Open the breath-count trainer"
      load={() => import('./breath-trainer/Trainer').then((m) => m.Trainer)}
      props={{ trainer }}
    />
  );
}
