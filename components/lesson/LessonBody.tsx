import { getMDXComponent } from 'mdx-bundler/client';
import type { Lesson } from '@/lib/content/load-modules';
import type { PhrasePanelDef } from '@/lib/content/schemas/phrases';
import type { Reference } from '@/lib/content/schemas/reference';
import type { TrainerDef } from '@/lib/content/schemas/trainer';
import { BpDiaryTrainer } from './BpDiaryTrainer';
import { BreathCountTrainer } from './BreathCountTrainer';
import { Callout } from './Callout';
import { Figure } from './Figure';
import { KnowledgeCheck } from './KnowledgeCheck';
import { ReferenceList } from './ReferenceList';
import { SayItInUrdu } from './SayItInUrdu';
import { Video } from './Video';

/** Renders a compiled lesson with the one registered component map (content/README.md). */
type Props = { code: string; lesson: Lesson; references: Map<string, Reference>; trainers: ReadonlyMap<string, TrainerDef>; phrases: ReadonlyMap<string, PhrasePanelDef> };

export function LessonBody({ code, lesson, references, trainers, phrases }: Props) {
  const Content = getMDXComponent(code);
  const checks = new Map(lesson.meta.checks.map((c) => [c.id, c]));
  const components = {
    Callout,
    Figure,
    Video,
    KnowledgeCheck: ({ id }: { id: string }) => {
      const check = checks.get(id);
      return check ? <KnowledgeCheck question={check.question} options={check.options} answer={check.answer} explanation={check.explanation} /> : null;
    },
    // The content check makes sure each component names a trainer of its own kind.
    BreathCountTrainer: ({ trainer }: { trainer: string }) => {
      const def = trainers.get(trainer);
      return def?.kind === 'breath-count' ? <BreathCountTrainer trainer={def} /> : null;
    },
    BpDiaryTrainer: ({ trainer }: { trainer: string }) => {
      const def = trainers.get(trainer);
      return def?.kind === 'bp-diary' ? <BpDiaryTrainer trainer={def} /> : null;
    },
    SayItInUrdu: ({ id }: { id: string }) => {
      const panel = phrases.get(id);
      return panel ? <SayItInUrdu panel={panel} /> : null;
    },
    References: ({ ids }: { ids: string }) => (
      <ReferenceList
        heading="Sources for this section"
        references={ids
          .split(',')
          .map((id) => references.get(id.trim()))
          .filter((r): r is Reference => r !== undefined)}
      />
    ),
  };
  return (
    <div className="lesson-body">
      <Content components={components} />
    </div>
  );
}
