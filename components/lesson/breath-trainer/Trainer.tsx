'use client';
import { useEffect, useId, useState } from 'react';
import { type BreathAnswer, type BreathFeedback, formatAge, gradeBreathCount } from '@/lib/domain/breathing';
import type { TrainerAttempt } from '@/lib/domain/practice';
import type { BreathCountTrainerDef, BreathScenario } from '@/lib/content/schemas/trainer';
import { AnswerForm } from './AnswerForm';
import { Feedback } from './Feedback';
import { History } from '../practice/History';
import { type View, Stage } from './Stage';
import { clearAttempts, newAttemptId, readAttempts, saveAttempt } from '../practice/storage';

type Phase =
  | { kind: 'ready' }
  | { kind: 'counting'; run: number }
  | { kind: 'answering'; seconds: number; taps: number }
  | { kind: 'feedback'; answer: BreathAnswer; feedback: BreathFeedback };

/** The breath-count trainer: choose a child, count for a full minute, answer, read the feedback, see accuracy over time. */
export function Trainer({ trainer }: { trainer: BreathCountTrainerDef }) {
  const id = useId();
  const [scenarioId, setScenarioId] = useState(trainer.scenarios[0]?.id ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [view, setView] = useState<View>('moving');
  const [sound, setSound] = useState(false);
  const [attempts, setAttempts] = useState<TrainerAttempt[]>([]);
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    setAttempts(readAttempts());
    // Reduced motion: the still view is the default (the learner may still choose the moving one).
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) setView('still');
  }, []);
  const scenario: BreathScenario | undefined = trainer.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const names = new Map(trainer.scenarios.map((s) => [s.id, `${s.child.name}, ${formatAge(s.child.age)}`]));

  const start = () => {
    setRuns(runs + 1);
    setPhase({ kind: 'counting', run: runs + 1 });
  };
  const answer = (given: BreathAnswer) => {
    const feedback = gradeBreathCount({ age: scenario.child.age, rate: scenario.rate, indrawing: scenario.indrawing, frozen: Boolean(scenario.freeze) }, given);
    const attempt: TrainerAttempt = {
      id: newAttemptId(),
      trainer: trainer.id,
      scenario: scenario.id,
      at: new Date().toISOString(),
      correct: feedback.correct,
      classificationCorrect: feedback.classificationCorrect,
      countWithinTolerance: feedback.countWithinTolerance,
    };
    setAttempts(saveAttempt(attempt));
    setPhase({ kind: 'feedback', answer: given, feedback });
  };
  const next = () => {
    const i = trainer.scenarios.findIndex((s) => s.id === scenario.id);
    setScenarioId(trainer.scenarios[(i + 1) % trainer.scenarios.length]?.id ?? scenario.id);
    setPhase({ kind: 'ready' });
  };

  return (
    <div>
      <p className="sr-only" aria-live="polite">
        {phase.kind === 'counting' ? `Counting ${scenario.child.name}'s breathing: one minute started.` : ''}
      </p>
      {phase.kind === 'ready' ? (
        <div className="space-y-4">
          <div className="field">
            <label htmlFor={`${id}-child`} className="font-semibold">
              Child to count
            </label>
            <select id={`${id}-child`} value={scenario.id} onChange={(e) => setScenarioId(e.target.value)}>
              {trainer.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {names.get(s.id)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="font-semibold">How to show the breathing</legend>
            <label className="mt-1 flex items-start gap-2 font-normal">
              <input type="radio" name={`${id}-view`} className="mt-1.5" checked={view === 'moving'} onChange={() => setView('moving')} />
              <span>A moving picture of the chest</span>
            </label>
            <label className="mt-1 flex items-start gap-2 font-normal">
              <input type="radio" name={`${id}-view`} className="mt-1.5" checked={view === 'still'} onChange={() => setView('still')} />
              <span>A still picture, with a mark that lights at each breath in (no motion)</span>
            </label>
            <label className="mt-2 flex items-start gap-2 font-normal">
              <input type="checkbox" className="mt-1.5" checked={sound} onChange={(e) => setSound(e.target.checked)} />
              <span>Also play a soft sound at each breath, to count by ear</span>
            </label>
          </fieldset>
          <button type="button" className="btn btn-primary" onClick={start}>
            Start the minute: count {scenario.child.name}&rsquo;s breathing
          </button>
        </div>
      ) : null}
      {phase.kind === 'counting' ? <Stage key={phase.run} scenario={scenario} view={view} sound={sound} onDone={(seconds, taps) => setPhase({ kind: 'answering', seconds, taps })} /> : null}
      {phase.kind === 'answering' ? <AnswerForm scenario={scenario} seconds={phase.seconds} taps={phase.taps} onAnswer={answer} /> : null}
      {phase.kind === 'feedback' ? (
        <>
          <Feedback scenario={scenario} answer={phase.answer} feedback={phase.feedback} />
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" className="btn" onClick={start}>
              Count {scenario.child.name} again
            </button>
            <button type="button" className="btn btn-primary" onClick={next}>
              Next child
            </button>
          </div>
        </>
      ) : null}
      <History attempts={attempts} trainer={trainer.id} names={names} onClear={() => setAttempts(clearAttempts(trainer.id))} />
    </div>
  );
}
