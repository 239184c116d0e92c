import type { QuizDef } from '@/lib/content/schemas/quiz';
import { formatMinutes } from './format';
import { reviewPolicyText } from './messages';

/** The rules of a quiz as a learner needs them before starting. */
export function QuizRules({ quiz }: { quiz: QuizDef }) {
  const { limit, cooldownMinutes } = quiz.attempts;
  const rules: [string, string][] = [
    ['Questions', `${quiz.draw.count} per attempt, drawn from a bank of ${quiz.questions.length}, so each attempt differs`],
    ['Pass mark', `${quiz.passMark}%`],
    ['Time limit', quiz.timeLimitMinutes === undefined ? 'None' : `${formatMinutes(quiz.timeLimitMinutes)}; the attempt is submitted for you when time is up`],
    ['Attempts', limit === undefined ? 'No limit' : `${limit} in all`],
    ['After a failed attempt', cooldownMinutes > 0 ? `wait ${formatMinutes(cooldownMinutes)} before the next` : 'retake at once'],
    [
      'Scoring',
      {
        partial: 'one mark per question; “choose all that apply” questions give part marks, less for wrong ticks',
        'no-penalty': 'one mark per question; “choose all that apply” questions give part marks for each right tick; wrong ticks cost nothing',
        'all-or-nothing': 'one mark per question; “choose all that apply” questions need every right option and no wrong one',
      }[quiz.multipleResponse],
    ],
    ['Review', reviewPolicyText(quiz)],
  ];
  return (
    <dl className="card grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="quiz-rules" lang="en" dir="ltr">
      {rules.map(([term, detail]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd className="m-0">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
