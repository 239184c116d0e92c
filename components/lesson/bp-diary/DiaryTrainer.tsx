'use client';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type DiaryAnswer, type DiaryDay, type DiaryFeedback, type DiaryVerdict, gradeDiary } from '@/lib/domain/hbpm';
import type { TrainerAttempt } from '@/lib/domain/practice';
import type { BpDiaryTrainerDef, DiaryScenario } from '@/lib/content/schemas/trainer';
import { History } from '../practice/History';
import { clearAttempts, newAttemptId, readAttempts, saveAttempt } from '../practice/storage';
import { DiaryFeedbackPanel } from './DiaryFeedback';

const verdicts: [DiaryVerdict, string][] = [
  ['above', 'Above the home target for this patient'],
  ['not-above', 'Within the home target for this patient'],
  ['too-few-days', 'Too few days to judge: ask for more readings'],
];
const bp = (r: { systolic: number; diastolic: number }) => `${r.systolic}/${r.diastolic}`;
const diaryDays = (s: DiaryScenario): DiaryDay[] => s.days.map((d) => ({ readings: [...d.morning, ...d.evening] }));

/** Read a patient's home blood pressure diary the NICE way: discard day 1, average the rest, compare with the target. */
export function DiaryTrainer({ trainer }: { trainer: BpDiaryTrainerDef }) {
  const id = useId();
  const [scenarioId, setScenarioId] = useState(trainer.scenarios[0]?.id ?? '');
  const [systolic, setSystolic] = useState('');
  const [diastolic, setDiastolic] = useState('');
  const [verdict, setVerdict] = useState<DiaryVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ answer: DiaryAnswer; feedback: DiaryFeedback } | null>(null);
  const [attempts, setAttempts] = useState<TrainerAttempt[]>([]);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => setAttempts(readAttempts()), []);
  const scenario = trainer.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const names = new Map(trainer.scenarios.map((s) => [s.id, `${s.patient.name}, ${s.patient.age}`]));

  const choose = (next: string) => {
    setScenarioId(next);
    setSystolic('');
    setDiastolic('');
    setVerdict(null);
    setResult(null);
    setError(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return setError('Choose your verdict.');
    const s = Number(systolic);
    const d = Number(diastolic);
    const given = systolic.trim() !== '' || diastolic.trim() !== '';
    if (verdict !== 'too-few-days' && (!given || !Number.isInteger(s) || !Number.isInteger(d) || s <= d || d <= 0)) {
      return setError('Enter the home average as two whole numbers, systolic then diastolic.');
    }
    setError(null);
    const answer: DiaryAnswer = { average: verdict === 'too-few-days' && !given ? null : { systolic: s, diastolic: d }, verdict };
    const feedback = gradeDiary(diaryDays(scenario), answer);
    setResult({ answer, feedback });
    setAttempts(
      saveAttempt({ id: newAttemptId(), trainer: trainer.id, scenario: scenario.id, at: new Date().toISOString(), correct: feedback.correct, classificationCorrect: feedback.verdictCorrect, countWithinTolerance: feedback.averageCorrect }),
    );
  };

  return (
    <div className="space-y-4">
      <div className="field">
        <label htmlFor={`${id}-diary`} className="font-semibold">
          Diary to read
        </label>
        <select id={`${id}-diary`} value={scenario.id} onChange={(e) => choose(e.target.value)}>
          {trainer.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {names.get(s.id)}
            </option>
          ))}
        </select>
      </div>
      <p className="m-0">{scenario.setting}</p>
      <table ref={table} tabIndex={-1} className="w-full text-sm">
        <caption className="text-start font-semibold">
          {scenario.patient.name}&rsquo;s diary, day 1 first ({scenario.days.length} {scenario.days.length === 1 ? 'day' : 'days'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Morning</th>
            <th scope="col">Evening</th>
          </tr>
        </thead>
        <tbody>
          {scenario.days.map((d, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{d.morning.map(bp).join(', ') || 'not taken'}</td>
              <td>{d.evening.map(bp).join(', ') || 'not taken'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="space-y-3" onSubmit={submit} noValidate>
        <fieldset>
          <legend className="font-semibold">Home average (mmHg, whole numbers)</legend>
          <div className="flex flex-wrap gap-3">
            <label className="font-normal">
              Systolic <input name="systolic" inputMode="numeric" className="w-24" value={systolic} onChange={(e) => setSystolic(e.target.value)} />
            </label>
            <label className="font-normal">
              Diastolic <input name="diastolic" inputMode="numeric" className="w-24" value={diastolic} onChange={(e) => setDiastolic(e.target.value)} />
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend className="font-semibold">Verdict</legend>
          {verdicts.map(([value, text]) => (
            <label key={value} className="mt-1 flex items-start gap-2 font-normal">
              <input type="radio" name={`${id}-verdict`} className="mt-1.5" checked={verdict === value} onChange={() => setVerdict(value)} />
              <span>{text}</span>
            </label>
          ))}
        </fieldset>
        {error ? (
          <p role="alert" className="field-error m-0">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary">
          Check my reading of the diary
        </button>
      </form>
      {result ? <DiaryFeedbackPanel key={`${scenario.id}-${attempts.length}`} scenario={scenario} answer={result.answer} feedback={result.feedback} /> : null}
      {result ? (
        <button
          type="button"
          className="btn"
          onClick={() => {
            const i = trainer.scenarios.findIndex((s) => s.id === scenario.id);
            choose(trainer.scenarios[(i + 1) % trainer.scenarios.length]?.id ?? scenario.id);
            table.current?.focus();
          }}
        >
          Next diary
        </button>
      ) : null}
      <History attempts={attempts} trainer={trainer.id} names={names} onClear={() => setAttempts(clearAttempts(trainer.id))} />
    </div>
  );
}
