import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readDb } from '@/db/replica';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { requireRole } from '@/lib/auth/session';
import { MIN_ATTEMPTS_FOR_DISCRIMINATION } from '@/lib/domain/quiz';
import { StatisticsBody } from '@/components/quiz/StatisticsBody';
import { moodleExportPath, quizPath, statisticsPath } from '@/components/quiz/paths';
import { draftGaps, isDraft } from '@/lib/content/schemas/quiz';
import { getBank } from '@/app/[locale]/(learn)/quizzes/quiz-content';

type Props = { params: Promise<{ quiz: string }> };

export const metadata: Metadata = { title: 'Quiz item statistics', robots: { index: false } };

export default async function QuizStatisticsPage({ params }: Props) {
  const { quiz: quizId } = await params;
  const user = await requireRole('instructor', statisticsPath(quizId));
  const quiz = await getBank(quizId);
  if (!quiz) notFound();
  const stats = await quizStatistics(readDb(), user, quiz.def);
  return (
    <div className="stack-lg">
      <header className="stack">
        <p className="m-0 text-sm">
          {isDraft(quiz.def) ? quiz.def.title : <Link href={quizPath(quizId)}>{quiz.def.title}</Link>} › Statistics
        </p>
        <h1 className="m-0">Item statistics: {quiz.def.title}</h1>
        {isDraft(quiz.def) ? (
          <div className="notice" data-testid="draft-notice">
            <p className="m-0">
              A draft bank: learners are not offered it and no certificate counts it until it is published. It still needs: {draftGaps(quiz.def).join('; ') || 'nothing (remove status: draft)'}.
            </p>
          </div>
        ) : null}
        <p className="m-0">
          <a href={moodleExportPath(quizId)} download data-testid="moodle-export">
            Download the questions as Moodle XML
          </a>{' '}
          <span className="small muted">(answer keys, feedback and images included: for importing into your university’s Moodle question bank; do not share with learners)</span>
        </p>
        <p className="m-0" data-testid="stats-summary">
          {stats.attempts} submitted attempt{stats.attempts === 1 ? '' : 's'} by {stats.learners} learner{stats.learners === 1 ? '' : 's'}
          {stats.meanScore === null ? '' : ` · mean score ${stats.meanScore.toFixed(1)}%`} · pass mark {quiz.def.passMark}%
        </p>
        <p className="m-0 small muted">
          Every submitted attempt counts, retakes included. Facility is the mean mark on a question (0–100%). Discrimination compares the top and
          bottom 27% of attempts by score: the share who got the question fully right in the top group minus the bottom group (−1 to 1; below 0.2
          is worth a look). It needs {MIN_ATTEMPTS_FOR_DISCRIMINATION} or more attempts at the question.
        </p>
      </header>
      <StatisticsBody quiz={quiz.def} stats={stats} />
    </div>
  );
}
