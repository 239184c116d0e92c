import { describe, expect, test } from 'vitest';
import { rollupCsv } from '@/lib/domain/cohorts';
import { type RolledLearner, cohortRollup, rollUp, trendMonths } from '@/lib/domain/readiness';

const now = new Date('2026-11-26T12:00:00Z');
const learner = (status: RolledLearner['status'], d1: number | null): RolledLearner => ({
  status,
  joinedAt: new Date('2026-11-02T00:00:00Z'),
  domains: [{ domain: 'D1', percent: d1 }],
});

describe('the institution CSV', () => {
  const a = cohortRollup([learner('ready', 80), learner('behind', 40)], [new Date('2026-11-10T00:00:00Z')], now);
  const b = cohortRollup([learner('not-started', null)], [], now);
  const csv = rollupCsv(['level', 'cohort'], [{ labels: ['cohort', '=HYPERLINK("x")'], rollup: a }, { labels: ['cohort', 'B'], rollup: b }, { labels: ['institution', 'Total'], rollup: rollUp([a, b], now) }], trendMonths(now));
  const [header, ...rows] = csv.trimEnd().split('\r\n').map((l) => l.split(','));

  test('has a column per status, per domain (mean and assessed) and per month (joined and certified)', () => {
    expect(header!.slice(0, 7)).toEqual(['level', 'cohort', 'learners', 'ready', 'on_track', 'behind', 'not_started']);
    expect(header).toContain('D1_mean_percent');
    expect(header).toContain('D6_assessed');
    expect(header).toContain('certified_2026-11');
    expect(header).toHaveLength(2 + 1 + 4 + 12 + 24);
  });

  test('the total row is the sum of the rows above it, column by column (the mean from the sums)', () => {
    const col = (name: string) => header!.indexOf(name);
    const total = rows.at(-1)!;
    for (const name of ['learners', 'ready', 'behind', 'not_started', 'D1_assessed', 'joined_2026-11', 'certified_2026-11']) {
      expect(Number(total[col(name)])).toBe(Number(rows[0]![col(name)]) + Number(rows[1]![col(name)]));
    }
    expect(total[col('D1_mean_percent')]).toBe('60');
    expect(rows[1]![col('D1_mean_percent')]).toBe('');
  });

  test('a name a spreadsheet would run as a formula is written as text', () => {
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
