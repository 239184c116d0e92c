import { useEffect, useRef } from 'react';
import { type DiaryAnswer, type DiaryFeedback, type DiaryVerdict, HOME_TARGET_UNDER_80, MIN_DIARY_DAYS } from '@/lib/domain/hbpm';
import type { DiaryScenario } from '@/lib/content/schemas/trainer';

const said: Record<DiaryVerdict, string> = { above: 'above the home target', 'not-above': 'within the home target', 'too-few-days': 'too few days to judge' };
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓ ' : '✗ ');
const bp = (r: { systolic: number; diastolic: number }) => `${r.systolic}/${r.diastolic}`;

/** The NICE home average with day 1 discarded, what leaving day 1 in would give, and the verdict against the target. */
export function DiaryFeedbackPanel({ scenario, answer, feedback: f }: { scenario: DiaryScenario; answer: DiaryAnswer; feedback: DiaryFeedback }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const target = HOME_TARGET_UNDER_80;
  return (
    <section aria-labelledby={`${scenario.id}-diary-result`} className={`notice ${f.correct ? 'notice-ok' : 'notice-error'}`}>
      <h3 id={`${scenario.id}-diary-result`} ref={heading} tabIndex={-1} className="mt-0">
        {f.correct ? 'Right.' : 'Not quite.'}
      </h3>
      <ul className="space-y-1 text-ink">
        {f.average ? (
          <li>
            Home average, day 1 discarded: <strong>{bp(f.average)}</strong> ({f.average.readings} readings over days 2 to {scenario.days.length}).
          </li>
        ) : (
          <li>
            Only {scenario.days.length} {scenario.days.length === 1 ? 'day was' : 'days were'} recorded: NICE asks for at least {MIN_DIARY_DAYS} days, ideally 7, so this diary cannot give a home average. Ask for more days.
          </li>
        )}
        {f.average && f.withDayOne ? (
          <li>
            With day 1 left in it would have been {bp(f.withDayOne)}
            {f.includedDayOne ? ': your average matches that one, so day 1 was probably not discarded' : ''}.
          </li>
        ) : null}
        {answer.average && f.averageCorrect !== null ? (
          <li>
            {mark(f.averageCorrect)}Your average: {bp(answer.average)}.
          </li>
        ) : null}
        <li>
          At {scenario.patient.age}, the home target is below {bp(target)} (NICE NG136): above target if either number reaches it.
        </li>
        <li>
          {mark(f.verdictCorrect)}You said {said[answer.verdict]}; the answer is <strong>{said[f.expected]}</strong>.
        </li>
      </ul>
      <p className="mb-0 mt-2 text-ink">{scenario.feedback}</p>
    </section>
  );
}
