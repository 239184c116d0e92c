import type { QuizDef } from '@/lib/content/schemas/quiz';
import { MIN_LEARNERS_FOR_DETAIL, type PublishedStatistics } from '@/lib/domain/quiz';
import { ItemStatisticsTable } from './ItemStatisticsTable';
import { ScoreDistribution } from './ScoreDistribution';

/** The score distribution and the per-question table, or why they are withheld (fewer than five learners). */
export function StatisticsBody({ quiz, stats }: { quiz: QuizDef; stats: PublishedStatistics }) {
  if (stats.withheld) {
    return (
      <p className="notice" data-testid="stats-withheld">
        {stats.learners === 0 ? 'No learner' : stats.learners === 1 ? 'One learner' : `${stats.learners} learners`} {stats.learners === 1 ? 'has' : 'have'} submitted
        this quiz here. The mean, the score distribution and the figures per question and per option appear from {MIN_LEARNERS_FOR_DETAIL} learners
        on: with fewer, they would show how a particular person answered.
      </p>
    );
  }
  return (
    <>
      <section aria-labelledby="distribution">
        <h2 id="distribution">Score distribution</h2>
        <ScoreDistribution bins={stats.distribution} passMark={quiz.passMark} />
      </section>
      <section aria-labelledby="items">
        <h2 id="items">Questions</h2>
        <ItemStatisticsTable quiz={quiz} items={stats.items} />
      </section>
    </>
  );
}
