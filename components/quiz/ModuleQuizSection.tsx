import Link from 'next/link';
import type { QuizDef } from '@/lib/content/schemas/quiz';
import { formatMinutes } from './format';
import { quizPath } from './paths';

/** The end of a module page: its quiz, with the rules in one line. */
export function ModuleQuizSection({ quiz }: { quiz: QuizDef | undefined }) {
  if (!quiz) return null;
  return (
    <section aria-labelledby="module-quiz" className="card stack">
      <h2 id="module-quiz" className="m-0">
        Module quiz
      </h2>
      <p className="m-0">
        {quiz.draw.count} questions · pass mark {quiz.passMark}%
        {quiz.timeLimitMinutes === undefined ? '' : ` · ${formatMinutes(quiz.timeLimitMinutes)}`}
        {quiz.attempts.limit === undefined ? '' : ` · ${quiz.attempts.limit} attempts`}
      </p>
      <p className="m-0">
        <Link className="btn btn-primary" href={quizPath(quiz.id)}>
          Go to the quiz
        </Link>
      </p>
    </section>
  );
}
