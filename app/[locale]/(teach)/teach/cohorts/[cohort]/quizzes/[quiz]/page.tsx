import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readDb } from '@/db/replica';
import { quizStatistics } from '@/db/queries/quiz-statistics';
import { requireRole } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { StatisticsBody } from '@/components/quiz/StatisticsBody';
import { cohortPaths } from '@/components/cohorts/paths';
import { cohortOr404, orNotFound } from '../../cohort-page';

export const metadata: Metadata = { title: 'Cohort quiz statistics', robots: { index: false } };

type Props = { params: Promise<{ cohort: string; quiz: string }> };

export default async function CohortQuizStatisticsPage({ params }: Props) {
  const { cohort: cohortId, quiz: quizId } = await params;
  const user = await requireRole('instructor', cohortPaths.quiz(cohortId, quizId));
  const cohort = await cohortOr404(user, cohortId);
  const quiz = (await getCatalog()).quizzes.find((q) => q.def.id === quizId)?.def;
  if (!quiz) notFound();
  const stats = await orNotFound(quizStatistics(readDb(), user, quiz, { cohortId }));
  return (
    <div className="stack-lg">
      <header className="stack">
        <p className="m-0 small">
          <Link href={cohortPaths.list}>Cohorts</Link> › <Link href={cohortPaths.dashboard(cohort.id)}>{cohort.name}</Link> › {quiz.title}
        </p>
        <h1 className="m-0">
          {quiz.title}: {cohort.name}
        </h1>
        <p className="m-0" data-testid="stats-summary">
          {stats.attempts} submitted attempt{stats.attempts === 1 ? '' : 's'} by {stats.learners} current member{stats.learners === 1 ? '' : 's'}
          {stats.meanScore === null ? '' : ` · mean score ${stats.meanScore.toFixed(1)}%`} · pass mark {quiz.passMark}%
        </p>
        <p className="m-0 small muted">Facility is the mean mark on a question; discrimination compares the top and bottom 27% of attempts. Answers are counted without names.</p>
      </header>
      <StatisticsBody quiz={quiz} stats={stats} />
    </div>
  );
}
