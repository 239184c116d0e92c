'use client';
import type { BpDiaryTrainerDef } from '@/lib/content/schemas/trainer';
import { Launcher } from './practice/Launcher';

/** The home blood pressure diary trainer in a lesson; its script loads only when the learner opens it. */
export function BpDiaryTrainer({ trainer }: { trainer: BpDiaryTrainerDef }) {
  return (
    <Launcher
      id={trainer.id}
      title={trainer.title}
      intro={trainer.intro}
      hint={`${trainer.scenarios.length} diaries to read. Each takes a few minutes with a calculator.`}
      openLabel="Open the blood pressure diary trainer"
      load={() => import('./bp-diary/DiaryTrainer').then((m) => m.DiaryTrainer)}
      props={{ trainer }}
    />
  );
}
